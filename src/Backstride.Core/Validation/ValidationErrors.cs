namespace Backstride.Core.Validation;

/// <summary>
/// Messages for a person, keyed by the field they belong to. Pages show them beside the field;
/// the API returns them as ProblemDetails "errors". Field names are the input model's property names.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool IsValid => _byField.Count == 0;

    public IEnumerable<string> Fields => _byField.Keys;

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var messages))
        {
            messages = [];
            _byField[field] = messages;
        }
        messages.Add(message);
    }

    public IReadOnlyList<string> For(string field) =>
        _byField.TryGetValue(field, out var messages) ? messages : [];

    public Dictionary<string, string[]> ToDictionary(Func<string, string>? renameField = null) =>
        _byField.ToDictionary(
            pair => renameField is null ? pair.Key : renameField(pair.Key),
            pair => pair.Value.ToArray(),
            StringComparer.Ordinal);
}
