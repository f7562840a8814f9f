using Backstride.Core.Units;
using Backstride.Core.Validation;

namespace Backstride.Core.Runners;

public static class RunnerSettingsRules
{
    public const string UnitsField = "Units";
    public const string TimeZoneField = "TimeZoneId";
    public const string BirthYearField = "BirthYear";

    // Nobody alive was born before 1900; under-fives do not log runs.
    public const int EarliestBirthYear = 1900;
    public const int MinimumAge = 5;

    public static TimeZoneInfo? FindTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    public static ValidationErrors Validate(DistanceUnit? units, string? timeZoneId, int? birthYear, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (units is not { } unit || !Enum.IsDefined(unit))
        {
            errors.Add(UnitsField, "Choose kilometres or miles.");
        }
        if (FindTimeZone(timeZoneId) is null)
        {
            errors.Add(TimeZoneField, "Choose a time zone from the list.");
        }
        if (birthYear is { } year && (year < EarliestBirthYear || year > now.Year - MinimumAge))
        {
            errors.Add(BirthYearField, $"Enter a birth year between {EarliestBirthYear} and {now.Year - MinimumAge}.");
        }
        return errors;
    }
}
