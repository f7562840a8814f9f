namespace Backstride.Activities;

/// <summary>What was wrong with a file that could not be read.</summary>
public enum ActivityFileProblem
{
    /// <summary>The file is not a FIT, GPX or TCX file at all.</summary>
    UnknownFormat,
    /// <summary>A FIT file header is malformed (size, ".FIT" signature, protocol version).</summary>
    Header,
    /// <summary>A FIT header or file CRC does not match its bytes.</summary>
    Crc,
    /// <summary>The file ends before its declared content does.</summary>
    EndOfFile,
    /// <summary>The content is malformed (a record with no definition, an impossible field, broken XML).</summary>
    Corrupt,
    /// <summary>The file, archive entry or XML nesting exceeds a configured limit.</summary>
    TooLarge,
    /// <summary>The file is readable but holds no activity (no samples and no session).</summary>
    NoActivity,
}

/// <summary>
/// The one exception the readers throw for a file they cannot read. The message names the problem and where it
/// was found: the byte offset for FIT, the line (and column) for XML.
/// </summary>
public sealed class ActivityFileException : Exception
{
    public ActivityFileException(ActivityFileProblem problem, string message, long? byteOffset = null,
        int? line = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        ByteOffset = byteOffset;
        Line = line;
    }

    public ActivityFileProblem Problem { get; }

    /// <summary>Where in a FIT file (bytes from the start) the problem was found.</summary>
    public long? ByteOffset { get; }

    /// <summary>Which line of an XML file the problem was found on (1-based).</summary>
    public int? Line { get; }
}
