using Backstride.Core.Validation;

namespace Backstride.Core.Tests.Validation;

/// <summary>Assertions on rule results shared by the rule tests.</summary>
internal static class ValidationAssert
{
    /// <summary>Exactly one field is refused, with exactly one message, which is returned for the caller to check.</summary>
    public static string SingleErrorOn(ValidationErrors errors, string field)
    {
        Assert.False(errors.IsValid);
        Assert.Equal(field, Assert.Single(errors.Fields));
        return Assert.Single(errors.For(field));
    }

    public static void AssertValid(ValidationErrors errors)
    {
        Assert.True(errors.IsValid);
        Assert.Empty(errors.Fields);
    }
}
