using Backstride.Core.Validation;

namespace Backstride.Core.Tests.Validation;

public sealed class ValidationErrorsTests
{
    [Fact]
    public void New_NothingAdded_IsValidWithNoFields()
    {
        // Act
        var errors = new ValidationErrors();

        // Assert
        Assert.True(errors.IsValid);
        Assert.Empty(errors.Fields);
        Assert.Empty(errors.ToDictionary());
    }

    [Fact]
    public void Add_OneMessage_InvalidAndMessageUnderItsField()
    {
        // Arrange
        var errors = new ValidationErrors();

        // Act
        errors.Add("Distance", "Enter the distance.");

        // Assert
        Assert.False(errors.IsValid);
        Assert.Equal("Distance", Assert.Single(errors.Fields));
        Assert.Equal("Enter the distance.", Assert.Single(errors.For("Distance")));
    }

    [Fact]
    public void Add_TwoMessagesForOneField_BothKeptInOrderUnderOneField()
    {
        // Arrange
        var errors = new ValidationErrors();

        // Act
        errors.Add("Notes", "First problem.");
        errors.Add("Notes", "Second problem.");

        // Assert
        Assert.Equal("Notes", Assert.Single(errors.Fields));
        Assert.Equal(new[] { "First problem.", "Second problem." }, errors.For("Notes"));
    }

    [Fact]
    public void Add_SeveralFields_EachKeepsOnlyItsOwnMessages()
    {
        // Arrange
        var errors = new ValidationErrors();

        // Act
        errors.Add("Distance", "Enter the distance.");
        errors.Add("Duration", "Enter how long the run took.");

        // Assert
        Assert.Equal("Enter the distance.", Assert.Single(errors.For("Distance")));
        Assert.Equal("Enter how long the run took.", Assert.Single(errors.For("Duration")));
        Assert.Equal(
            new[] { "Distance", "Duration" },
            errors.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void For_UnknownField_Empty()
    {
        // Arrange
        var errors = new ValidationErrors();
        errors.Add("Distance", "Enter the distance.");

        // Act
        var messages = errors.For("Surface");

        // Assert
        Assert.Empty(messages);
    }

    [Fact]
    public void For_NothingAdded_Empty()
    {
        // Arrange
        var errors = new ValidationErrors();

        // Act
        var messages = errors.For("Distance");

        // Assert
        Assert.Empty(messages);
    }

    [Fact]
    public void For_FieldNameInOtherCase_EmptyBecauseNamesAreOrdinal()
    {
        // Arrange
        var errors = new ValidationErrors();
        errors.Add("Notes", "Too long.");

        // Act
        var messages = errors.For("notes");

        // Assert
        Assert.Empty(messages);
    }

    [Fact]
    public void ToDictionary_NoRename_KeyedByFieldName()
    {
        // Arrange
        var errors = new ValidationErrors();
        errors.Add("Distance", "Enter the distance.");
        errors.Add("Effort", "Effort is from 1 (very easy) to 10 (all out).");
        errors.Add("Effort", "Second message.");

        // Act
        var dictionary = errors.ToDictionary();

        // Assert
        Assert.Equal(2, dictionary.Count);
        Assert.Equal(new[] { "Enter the distance." }, dictionary["Distance"]);
        Assert.Equal(new[] { "Effort is from 1 (very easy) to 10 (all out).", "Second message." }, dictionary["Effort"]);
    }

    [Fact]
    public void ToDictionary_WithRename_KeyedByRenamedField()
    {
        // Arrange: the API reports camelCase property names.
        var errors = new ValidationErrors();
        errors.Add("StartedAt", "Enter when the run started.");
        errors.Add("Distance", "Enter the distance.");
        static string CamelCase(string field) => char.ToLowerInvariant(field[0]) + field[1..];

        // Act
        var dictionary = errors.ToDictionary(CamelCase);

        // Assert
        Assert.Equal(new[] { "distance", "startedAt" }, dictionary.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "Enter when the run started." }, dictionary["startedAt"]);
        Assert.Equal(new[] { "Enter the distance." }, dictionary["distance"]);
    }

    [Fact]
    public void ToDictionary_WithRename_FieldNamesInsideStayUnchanged()
    {
        // Arrange
        var errors = new ValidationErrors();
        errors.Add("Distance", "Enter the distance.");

        // Act
        var dictionary = errors.ToDictionary(field => "run." + field);

        // Assert
        Assert.Equal("run.Distance", Assert.Single(dictionary.Keys));
        Assert.Equal("Distance", Assert.Single(errors.Fields));
        Assert.Equal("Enter the distance.", Assert.Single(errors.For("Distance")));
    }

    [Fact]
    public void ToDictionary_ChangingTheResult_DoesNotChangeTheErrors()
    {
        // Arrange
        var errors = new ValidationErrors();
        errors.Add("Distance", "Enter the distance.");

        // Act
        var dictionary = errors.ToDictionary();
        dictionary["Distance"][0] = "Changed.";
        dictionary.Remove("Distance");

        // Assert
        Assert.Equal("Enter the distance.", Assert.Single(errors.For("Distance")));
        Assert.False(errors.IsValid);
    }
}
