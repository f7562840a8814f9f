using Backstride.Core.Triage;

namespace Backstride.Core.Tests.Triage;

/// <summary>The reviewed red-flag table against CLINICAL.md §2.</summary>
public sealed class RedFlagsTests
{
    public static TheoryData<string> QuestionIds()
    {
        var data = new TheoryData<string>();
        foreach (var question in RedFlags.Questions)
        {
            data.Add(question.Id);
        }
        return data;
    }

    [Fact]
    public void Questions_Ids_AreUnique()
    {
        // Arrange
        var ids = RedFlags.Questions.Select(q => q.Id).ToList();

        // Act
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();

        // Assert
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, distinct.Count);
    }

    [Theory]
    [MemberData(nameof(QuestionIds))]
    public void Questions_EachRow_HasASourceAQuestionAndASign(string id)
    {
        // Arrange
        var question = RedFlags.Questions.Single(q => string.Equals(q.Id, id, StringComparison.Ordinal));

        // Act
        var source = question.Source;

        // Assert
        Assert.False(string.IsNullOrWhiteSpace(id));
        Assert.False(string.IsNullOrWhiteSpace(source));
        Assert.False(string.IsNullOrWhiteSpace(question.Question));
        Assert.False(string.IsNullOrWhiteSpace(question.Sign));
        Assert.EndsWith("?", question.Question, StringComparison.Ordinal);
        // The sign is a statement; triage adds the full stop itself.
        Assert.NotEqual('?', question.Sign[^1]);
        Assert.NotEqual('.', question.Sign[^1]);
        Assert.True(Enum.IsDefined(question.Level));
    }

    [Fact]
    public void EmergencySigns_AreExactlyTheSixCaudaEquinaItemsOfClinicalSection2()
    {
        // Arrange: urine, bowel, saddle numbness, both legs, sexual function, serious accident or fall.
        var expected = new[]
        {
            RedFlags.BladderId, RedFlags.BowelId, RedFlags.SaddleId,
            RedFlags.BothLegsWeakId, RedFlags.SexualId, RedFlags.SeriousFallId,
        };

        // Act
        var signs = RedFlags.EmergencySigns.ToList();

        // Assert
        Assert.Equal(expected.Order(StringComparer.Ordinal), signs.Select(q => q.Id).Order(StringComparer.Ordinal));
        Assert.All(signs, q => Assert.Equal(TriageLevel.Emergency, q.Level));
        Assert.All(signs, q => Assert.Contains("Cauda equina", q.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void Questions_UrgentRows_AreTheUrgentItemsOfClinicalSection2()
    {
        // Arrange: history questions (cancer, weight loss, immune suppression) live in the back profile.
        var expected = new[]
        {
            RedFlags.FeverId, RedFlags.InfectionId, RedFlags.NightPainId, RedFlags.SeveralPlacesId,
            RedFlags.LumpId, RedFlags.OneLegWorseId, RedFlags.MinorFallId,
        };

        // Act
        var urgent = RedFlags.Questions.Where(q => q.Level == TriageLevel.Urgent).Select(q => q.Id);

        // Assert
        Assert.Equal(expected.Order(StringComparer.Ordinal), urgent.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Questions_TenDays_IsARoutineReferral()
    {
        // Arrange
        var id = RedFlags.TenDaysId;

        // Act
        var question = RedFlags.Find(id);

        // Assert
        Assert.NotNull(question);
        Assert.Equal(TriageLevel.SeeDoctor, question.Level);
    }

    [Theory]
    [MemberData(nameof(QuestionIds))]
    public void Find_KnownId_ReturnsItsRow(string id)
    {
        // Arrange
        var expected = RedFlags.Questions.Single(q => string.Equals(q.Id, id, StringComparison.Ordinal));

        // Act
        var found = RedFlags.Find(id);

        // Assert
        Assert.Same(expected, found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-red-flag")]
    [InlineData("Bladder")]
    public void Find_UnknownId_ReturnsNull(string id)
    {
        // Arrange
        var lookup = id;

        // Act
        var found = RedFlags.Find(lookup);

        // Assert
        Assert.Null(found);
    }
}
