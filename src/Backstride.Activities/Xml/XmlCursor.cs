using System.Globalization;
using System.Xml;

namespace Backstride.Activities.Xml;

/// <summary>
/// What the GPX and TCX readers share about walking an <see cref="XmlReader"/>: the nesting limit, the element
/// path by depth (so a reader can ask "is my parent a trkseg?" without a DOM), the current line, and parsing text
/// into numbers and times with the typed error a runner is shown.
/// </summary>
internal sealed class XmlCursor
{
    // Activity values are numbers and timestamps; text this long is not one, and is not worth buffering.
    private const int MaxValueLength = 1024;

    // How much of a bad value an error message quotes.
    private const int QuotedLength = 40;

    private readonly IXmlLineInfo? _lineInfo;
    private readonly int _maxDepth;

    // _path[d] is the local name of the open element at depth d when it is in the document's own namespace, else null.
    private string?[] _path = new string?[16];

    // Reused for every text value, so reading a number allocates nothing.
    private char[] _text = new char[64];

    public XmlCursor(XmlReader reader, int maxDepth)
    {
        Reader = reader;
        _lineInfo = reader as IXmlLineInfo;
        _maxDepth = maxDepth;
    }

    public XmlReader Reader { get; }

    /// <summary>The 1-based line of the current node, or 0 when the reader does not track lines.</summary>
    public int Line => _lineInfo is { } info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>
    /// Records the element the reader is on at its depth, after checking the nesting limit, and returns the depth.
    /// Every start tag must pass through here so that <see cref="Ancestor"/> stays true.
    /// </summary>
    public int Enter(string? name)
    {
        var depth = Reader.Depth;

        // Depth counts from 0 at the root, so depth MaxXmlDepth would be nesting level MaxXmlDepth + 1.
        if (depth >= _maxDepth)
        {
            throw new ActivityFileException(ActivityFileProblem.TooLarge,
                $"Line {Line}: the XML nests deeper than the {_maxDepth} levels an activity file may use.",
                line: Line);
        }

        if (depth >= _path.Length)
        {
            Array.Resize(ref _path, Math.Max(depth + 1, _path.Length * 2));
        }
        _path[depth] = name;
        return depth;
    }

    /// <summary>The recorded name of the open element at <paramref name="depth"/> (below the current one).</summary>
    public string? Ancestor(int depth) => _path[depth];

    /// <summary>The trimmed text of the current text or CDATA node, valid until the next call.</summary>
    public ReadOnlySpan<char> ReadValue()
    {
        if (!Reader.CanReadValueChunk)
        {
            return Reader.Value.AsSpan().Trim();
        }

        var length = 0;
        int read;
        while ((read = Reader.ReadValueChunk(_text, length, _text.Length - length)) > 0)
        {
            length += read;
            if (length == _text.Length)
            {
                if (length >= MaxValueLength)
                {
                    throw Corrupt($"Line {Line}: a value is longer than the {MaxValueLength} characters a number or time may be.");
                }
                Array.Resize(ref _text, length * 2);
            }
        }
        return _text.AsSpan(0, length).Trim();
    }

    /// <summary>Parses a decimal number the way XML Schema writes it; <paramref name="where"/> names it in the error.</summary>
    public double ParseNumber(ReadOnlySpan<char> text, string where)
    {
        // NumberStyles.Float takes "1e-3" and surrounding blanks but no thousands separators: "12,5" is an error, not 125.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        throw Corrupt($"Line {Line}: '{Quote(text)}' in {where} is not a number.");
    }

    public double ParseLatitude(ReadOnlySpan<char> text, string where) => ParseDegrees(text, where, 90, "latitude");

    public double ParseLongitude(ReadOnlySpan<char> text, string where) => ParseDegrees(text, where, 180, "longitude");

    /// <summary>Parses an xsd:dateTime into UTC; a time without a zone is taken as UTC, as GPX and TCX specify.</summary>
    public DateTime ParseTime(ReadOnlySpan<char> text, string where)
    {
        if (IsoTime.TryParseUtc(text.Trim(), out var utc))
        {
            return utc;
        }
        throw Corrupt($"Line {Line}: '{Quote(text)}' in {where} is not a date and time.");
    }

    public ActivityFileException Corrupt(string message) =>
        new(ActivityFileProblem.Corrupt, message, line: Line);

    /// <summary>A value as an error message quotes it: trimmed, and cut short when long.</summary>
    public static string Quote(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        return text.Length <= QuotedLength ? text.ToString() : string.Concat(text[..QuotedLength], "...");
    }

    private double ParseDegrees(ReadOnlySpan<char> text, string where, int limit, string what)
    {
        var degrees = ParseNumber(text, where);
        if (degrees < -limit || degrees > limit)
        {
            throw Corrupt($"Line {Line}: the {what} '{Quote(text)}' in {where} is outside -{limit} to {limit} degrees.");
        }
        return degrees;
    }
}
