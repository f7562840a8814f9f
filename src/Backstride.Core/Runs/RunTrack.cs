namespace Backstride.Core.Runs;

/// <summary>
/// The samples of an imported run (time, position, heart rate, cadence, running dynamics…), encoded together in
/// one row: a marathon has thousands of points, and a row per point would make the diary slow for nothing.
/// </summary>
public sealed class RunTrack : IOwnedByRunner
{
    /// <summary>Written by Backstride.Activities' SampleCodec, first version.</summary>
    public const string SampleCodecV1 = "sample-codec/1";

    public Guid RunId { get; set; }

    public Guid UserId { get; set; }

    public byte[] EncodedSamples { get; set; } = [];

    public int SampleCount { get; set; }

    /// <summary>How <see cref="EncodedSamples"/> is encoded, so that older rows stay readable when the codec changes.</summary>
    public string Format { get; set; } = SampleCodecV1;
}
