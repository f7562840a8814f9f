using System.Text;

namespace Backstride.Activities.Tests.Xml;

/// <summary>Small documents written inside a test, read through the same entry point as files on disk.</summary>
internal static class InlineXml
{
    public static Activity Read(string xml, ActivityReadLimits? limits = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return ActivityReader.Read(stream, limits);
    }

    public static ActivityFileException ReadFails(string xml, ActivityReadLimits? limits = null) =>
        Assert.Throws<ActivityFileException>(() => Read(xml, limits));
}
