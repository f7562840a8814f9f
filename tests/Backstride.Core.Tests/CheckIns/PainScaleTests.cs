using Backstride.Core.CheckIns;

namespace Backstride.Core.Tests.CheckIns;

public sealed class PainScaleTests
{
    [Fact]
    public void Values_ZeroToTen_ElevenChoicesInOrder()
    {
        // Act
        var values = PainScale.Values.ToArray();

        // Assert
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, values);
    }

    [Fact]
    public void Anchors_BothEnds_Labelled()
    {
        // Assert
        Assert.Equal("No pain", PainScale.MinAnchor);
        Assert.Equal("Worst imaginable pain", PainScale.MaxAnchor);
    }

    [Fact]
    public void Locations_EveryPlaceExceptNone_EachASingleFlag()
    {
        // Act
        var locations = PainScale.Locations.ToArray();

        // Assert
        Assert.Equal(
            new[] { PainLocation.Centre, PainLocation.Left, PainLocation.Right, PainLocation.Buttock, PainLocation.DownALeg },
            locations);
        Assert.DoesNotContain(PainLocation.None, locations);
        Assert.All(locations, location => Assert.True(Enum.IsDefined(location)));
    }
}
