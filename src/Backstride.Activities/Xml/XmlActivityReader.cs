using System.Text;
using System.Xml;

namespace Backstride.Activities.Xml;

/// <summary>
/// Reads a GPX (1.0 or 1.1) or TCX (v2) activity file, telling them apart by the root element. The file is read
/// as a stream and only the samples are kept: bulk exports hold files of hundreds of megabytes, and a DOM of one
/// costs gigabytes.
/// </summary>
public static class XmlActivityReader
{
    internal const string Gpx11Namespace = "http://www.topografix.com/GPX/1/1";
    internal const string Gpx10Namespace = "http://www.topografix.com/GPX/1/0";
    internal const string TcxNamespace = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
    internal const string TrackPointExtensionV1Namespace = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1";
    internal const string TrackPointExtensionV2Namespace = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2";
    internal const string ActivityExtensionV2Namespace = "http://www.garmin.com/xmlschemas/ActivityExtension/v2";

    /// <summary>
    /// Reads one activity from <paramref name="stream"/>, which is left open. Throws
    /// <see cref="ActivityFileException"/> for anything that is not a readable GPX or TCX run.
    /// </summary>
    public static Activity Read(Stream stream, ActivityReadLimits limits) => Read(stream, limits, keepSamples: true);

    /// <summary>
    /// Reads one activity; with <paramref name="keepSamples"/> false only the summary is built and
    /// <see cref="Activity.Samples"/> is empty, so memory stays flat however large the file.
    /// </summary>
    public static Activity Read(Stream stream, ActivityReadLimits limits, bool keepSamples)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);

        var settings = new XmlReaderSettings
        {
            // A DTD can define entities that expand without bound (the "billion laughs") or that fetch other files;
            // activity files never have one, so one is an error rather than something to process.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            // The caller owns the stream (ActivityReader may have wrapped it to peek at it or to unzip it).
            CloseInput = false,
        };

        try
        {
            using var reader = XmlReader.Create(stream, settings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new ActivityFileException(ActivityFileProblem.Corrupt, "The XML has no root element.");
            }

            var cursor = new XmlCursor(reader, limits.MaxXmlDepth);
            var root = reader.LocalName;
            var ns = reader.NamespaceURI;

            // GPX files come without the namespace too (see broken1.gpx in the samples), so an empty one is accepted.
            if (root == "gpx" && (ns is Gpx11Namespace or Gpx10Namespace or ""))
            {
                return new GpxReader(cursor, keepSamples).Read();
            }
            if (root == "TrainingCenterDatabase" && ns == TcxNamespace)
            {
                return new TcxReader(cursor, keepSamples).Read();
            }

            var inNamespace = ns.Length == 0 ? "" : $" in namespace '{ns}'";
            throw new ActivityFileException(ActivityFileProblem.UnknownFormat,
                $"The XML root element '{reader.Name}'{inNamespace} is neither GPX's 'gpx' nor TCX's 'TrainingCenterDatabase'.",
                line: cursor.Line);
        }
        catch (XmlException ex)
        {
            // XmlException's own message already says what is wrong and where ("... Line 4, position 3.").
            var message = ex.LineNumber > 0
                ? $"Line {ex.LineNumber}: the XML cannot be read. {ex.Message}"
                : $"The XML cannot be read. {ex.Message}";
            throw new ActivityFileException(ActivityFileProblem.Corrupt, message,
                line: ex.LineNumber > 0 ? ex.LineNumber : null, innerException: ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ActivityFileException(ActivityFileProblem.Corrupt,
                $"The file's bytes are not valid text in its encoding. {ex.Message}", innerException: ex);
        }
    }
}
