namespace Backstride.Activities;

/// <summary>
/// A read-only view of a (decompressing) stream that stops with <see cref="ActivityFileException"/> once more than
/// a set number of bytes come out, or once the output outgrows the compressed input by more than a set ratio.
/// This is what defuses zip and gzip bombs: the check happens while inflating, before the bytes are kept.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long maxBytes, long? compressedLength, double maxRatio) : Stream
{
    // Small files compress unevenly; below this size the ratio is not judged.
    private const long RatioFloorBytes = 1024 * 1024;

    private long _produced;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _produced; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            // A damaged deflate stream: found by the fuzzer, which got past the typed exception through here.
            throw new ActivityFileException(ActivityFileProblem.Corrupt,
                $"The compressed file is damaged after {_produced:N0} bytes: {e.Message}", innerException: e);
        }
        _produced += n;
        if (_produced > maxBytes)
        {
            throw new ActivityFileException(ActivityFileProblem.TooLarge,
                $"The compressed file expands to more than the {maxBytes / (1024 * 1024)} MB an activity file may be.");
        }
        if (compressedLength is > 0 and var packed && _produced > RatioFloorBytes && _produced > packed * maxRatio)
        {
            throw new ActivityFileException(ActivityFileProblem.TooLarge,
                $"The compressed file expands more than {maxRatio:0}-fold, which no activity file does: it looks like a compression bomb.");
        }
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>A stream that first replays bytes already read from a non-seekable stream, then reads on from it.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
{
    private int _prefixPosition;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _prefixPosition);
            prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
            _prefixPosition += n;
            return n;
        }
        return rest.Read(buffer);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
