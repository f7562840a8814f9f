using System.Text.Json;
using Backstride.Core.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Backstride.Web.Infrastructure;

public static class ValidationMapping
{
    /// <summary>Puts rule messages beside their form fields; a field that already failed to bind keeps its own message.</summary>
    public static void AddRuleErrors(this ModelStateDictionary modelState, ValidationErrors errors, string prefix)
    {
        foreach (var field in errors.Fields)
        {
            var key = string.IsNullOrEmpty(prefix) ? field : prefix + "." + field;
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }
            foreach (var message in errors.For(field))
            {
                modelState.AddModelError(key, message);
            }
        }
    }

    /// <summary>A 400 ProblemDetails naming the API's own (camelCase) fields.</summary>
    public static ValidationProblem ToProblem(this ValidationErrors errors, IReadOnlyDictionary<string, string>? apiNames = null) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(field => apiNames is not null && apiNames.TryGetValue(field, out var name)
                ? name
                : JsonNamingPolicy.CamelCase.ConvertName(field)),
            title: "Some fields need another look.");

    public const int MaxPageSize = 100;

    /// <summary>The one paging rule of every list endpoint: pages start at 1, at most 100 items a page.</summary>
    public static ValidationProblem? PagingProblem(int page, int pageSize) =>
        page >= 1 && pageSize is >= 1 and <= MaxPageSize
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [page < 1 ? "page" : "pageSize"] = [$"page starts at 1; pageSize is 1 to {MaxPageSize}."],
            });
}
