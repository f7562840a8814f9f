using Backstride.Activities;
using SharpFuzz;

// One input per execution, and any exception but ActivityFileException escaping the reader is a finding.
// By default the input comes from AFL++ on standard input, through SharpFuzz's out-of-process fork server, which
// survives stack overflows and hangs; run by hand, it reads one file from standard input. With --libfuzzer it comes
// from libfuzzer-dotnet in shared memory instead.
if (args.Any(arg => string.Equals(arg, "--libfuzzer", StringComparison.Ordinal)))
{
    Fuzzer.LibFuzzer.Run(span => ReadOne(new MemoryStream(span.ToArray(), writable: false)));
}
else
{
    Fuzzer.OutOfProcess.Run((Stream stream) => ReadOne(stream));
}

static void ReadOne(Stream stream)
{
    try
    {
        ActivityReader.Read(stream);
    }
    catch (ActivityFileException)
    {
        // The one exception a bad file may cause.
    }
}
