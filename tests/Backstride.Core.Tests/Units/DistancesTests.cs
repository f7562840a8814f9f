using Backstride.Core.Units;

namespace Backstride.Core.Tests.Units;

public sealed class DistancesTests
{
    [Fact]
    public void ToMetres_OneMile_IsTheInternationalMile()
    {
        Assert.Equal(1609.344, Distances.ToMetres(1, DistanceUnit.Miles), precision: 6);
    }
}
