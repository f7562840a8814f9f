using Backstride.Core.Validation;

namespace Backstride.Data.Diary;

public enum DiaryOutcome
{
    Saved,
    Invalid,
    NotFound,
}

/// <summary>What a diary write did: saved (with the row), refused with field messages, or found no such row of this runner's.</summary>
public sealed record DiaryResult<T>(DiaryOutcome Outcome, T? Value, ValidationErrors Errors)
    where T : class
{
    public static DiaryResult<T> Saved(T value) => new(DiaryOutcome.Saved, value, new ValidationErrors());

    public static DiaryResult<T> Invalid(ValidationErrors errors) => new(DiaryOutcome.Invalid, null, errors);

    public static DiaryResult<T> NotFound() => new(DiaryOutcome.NotFound, null, new ValidationErrors());
}
