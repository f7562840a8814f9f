using System.Globalization;
using System.Text;

namespace Backstride.Web.Tests.Infrastructure;

/// <summary>Small GPX runs made up for the import tests (HTTP and browser), recent enough to check in on.</summary>
public static class TestGpx
{
    /// <summary>A run of about 1 km in 5 minutes from <paramref name="start"/>, a point every 10 seconds (0.0003° of latitude is about 33 m).</summary>
    public static byte[] RunStartingAt(DateTimeOffset start)
    {
        var points = new StringBuilder();
        for (var i = 0; i <= 30; i++)
        {
            var latitude = (52.52 + i * 0.0003).ToString("F6", CultureInfo.InvariantCulture);
            var time = start.AddSeconds(10 * i).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            points.Append("<trkpt lat=\"").Append(latitude).Append("\" lon=\"13.405000\"><ele>34</ele><time>")
                .Append(time).Append("</time></trkpt>\n");
        }
        return Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="Backstride tests" xmlns="http://www.topografix.com/GPX/1/1">
              <trk>
                <name>Morning run</name>
                <type>running</type>
                <trkseg>
            {points}
                </trkseg>
              </trk>
            </gpx>
            """);
    }
}
