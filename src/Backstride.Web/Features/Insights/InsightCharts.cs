using System.Globalization;
using Backstride.Core.Insights;
using Backstride.Core.Units;
using ScottPlot;

namespace Backstride.Web.Features.Insights;

/// <summary>
/// The dashboard's two charts, drawn on the server as SVG with ScottPlot: a phone scales them to its width and
/// needs no script. Each chart has a text alternative on the page; these only draw.
/// </summary>
public static class InsightCharts
{
    // Drawn a little wider than a phone and scaled down by CSS: at 390 px the labels stay about 13 px high.
    private const int Width = 560;
    private const int Height = 300;
    private const float FontSize = 20;
    private const string Font = "DejaVu Sans";

    public static string PainAfterRuns(DashboardSummary summary, DateTimeOffset from, DateTimeOffset until, TimeZoneInfo zone)
    {
        var plot = NewPlot();
        var xs = summary.PainAfterRuns.Select(p => Local(p.At, zone)).ToArray();
        var ys = summary.PainAfterRuns.Select(p => p.Pain).ToArray();
        if (xs.Length > 0)
        {
            var points = plot.Add.ScatterPoints(xs, ys);
            points.MarkerSize = 9;
            points.Color = Color.FromHex("#6b7a8f").WithAlpha(0.75);
            points.LegendText = "After a run";
        }
        var meanXs = summary.SevenDayMean.Select(p => Local(p.At, zone)).ToArray();
        var meanYs = summary.SevenDayMean.Select(p => p.Pain).ToArray();
        if (meanXs.Length > 1)
        {
            var line = plot.Add.ScatterLine(meanXs, meanYs);
            line.LineWidth = 4;
            line.Color = Color.FromHex("#b3261e");
            line.LegendText = "7-day mean";
        }
        DateAxis(plot);
        plot.Axes.SetLimitsX(Local(from, zone), Local(until, zone));
        plot.Axes.SetLimitsY(-0.3, 10.3);
        plot.Axes.Left.Label.Text = "Pain (0–10)";
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.FontSize = FontSize * 0.8f;
        return Scalable(plot.GetSvgXml(Width, Height), Width, Height);
    }

    public static string WeeklyDistance(DashboardSummary summary, DateTimeOffset from, DateTimeOffset until, TimeZoneInfo zone, DistanceUnit unit)
    {
        var plot = NewPlot();
        var bars = summary.Weeks
            .Select(w => new Bar
            {
                // Centred on the middle of the week (Thursday), so bars line up with the pain chart's dates.
                Position = w.WeekStart.ToDateTime(TimeOnly.MinValue).AddDays(3.5).ToOADate(),
                Value = Distances.FromMetres(w.Metres, unit),
                Size = 6,
                FillColor = Color.FromHex("#3d6b99"),
                LineWidth = 0,
            })
            .ToList();
        if (bars.Count > 0)
        {
            plot.Add.Bars(bars);
        }
        DateAxis(plot);
        plot.Axes.SetLimitsX(Local(from, zone), Local(until, zone));
        var highest = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        plot.Axes.SetLimitsY(0, Math.Max(10, highest * 1.1));
        plot.Axes.Left.Label.Text = "Per week (" + Distances.Abbreviation(unit) + ")";
        return Scalable(plot.GetSvgXml(Width, Height * 3 / 4), Width, Height * 3 / 4);
    }

    // "3 Nov" rather than the machine culture's "11/3/2026": shorter on a phone and the same on every server.
    private static void DateAxis(Plot plot)
    {
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
        {
            automatic.LabelFormatter = date => date.ToString("d MMM", CultureInfo.InvariantCulture);
        }
    }

    private static Plot NewPlot()
    {
        var plot = new Plot();
        // ScottPlot's default font resolves to a serif on Debian (STACK.md).
        plot.Font.Set(Font);
        plot.Axes.Bottom.TickLabelStyle.FontSize = FontSize;
        plot.Axes.Left.TickLabelStyle.FontSize = FontSize;
        plot.Axes.Left.Label.FontSize = FontSize;
        return plot;
    }

    // Skia's SVG has a fixed width and height but no viewBox, so CSS could only crop it; with one it scales to the phone.
    private static string Scalable(string svg, int width, int height)
    {
        var at = svg.IndexOf("<svg", StringComparison.Ordinal);
        return at < 0 || svg.Contains("viewBox", StringComparison.Ordinal)
            ? svg
            : svg.Insert(at + "<svg".Length, string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\" aria-hidden=\"true\" focusable=\"false\""));
    }

    private static double Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).DateTime.ToOADate();
}
