namespace Backstride.Benchmarks;

/// <summary>The real watch files in ../shared/data/activities (or /work/shared), read in place (never copied into the repository).</summary>
public static class SampleFiles
{
    public static string PathOf(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "activities", relative);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }
        var workplace = Path.Combine("/work/shared/data/activities", relative);
        return File.Exists(workplace)
            ? workplace
            : throw new FileNotFoundException($"{relative} was not found under ../shared/data/activities.");
    }
}
