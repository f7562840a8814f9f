using Microsoft.AspNetCore.Mvc.Rendering;

namespace Backstride.Web.Infrastructure;

public static class FormValues
{
    /// <summary>What the person typed wins over the parsed value, so a value that failed to parse is shown back to them.</summary>
    public static string? Typed(this IHtmlHelper html, string key, string? parsed) =>
        html.ViewData.ModelState.TryGetValue(key, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : parsed;
}
