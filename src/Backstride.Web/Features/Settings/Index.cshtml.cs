using Backstride.Core.Runners;
using Backstride.Core.Units;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Settings;

public sealed class SettingsModel(RunnerSettingsStore store) : PageModel
{
    [BindProperty]
    public SettingsForm Input { get; set; } = new();

    public IReadOnlyList<string> TimeZoneIds => TimeZones.Ids;

    public sealed class SettingsForm
    {
        public DistanceUnit? Units { get; set; }

        public string? TimeZoneId { get; set; }

        public int? BirthYear { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await store.GetAsync(cancellationToken);
        Input = new SettingsForm { Units = settings.Units, TimeZoneId = settings.TimeZoneId, BirthYear = settings.BirthYear };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await store.SaveAsync(Input.Units, Input.TimeZoneId, Input.BirthYear, cancellationToken);
        if (result.Outcome != DiaryOutcome.Saved)
        {
            ModelState.AddRuleErrors(result.Errors, nameof(Input));
            return Page();
        }
        TempData["Notice"] = "Settings saved.";
        return RedirectToPage();
    }
}

/// <summary>The time zones this server knows, by IANA id, for the settings list.</summary>
public static class TimeZones
{
    public static readonly IReadOnlyList<string> Ids = TimeZoneInfo.GetSystemTimeZones()
        .Select(zone => zone.Id)
        .Append(RunnerSettings.DefaultTimeZoneId)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();
}
