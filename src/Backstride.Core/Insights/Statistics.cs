using MathNet.Numerics.Distributions;

namespace Backstride.Core.Insights;

/// <summary>An estimate (a difference or a slope) with its interval, two-sided p-value, degrees of freedom and standard error.</summary>
public sealed record Estimate(double Value, double Low, double High, double PValue, double DegreesOfFreedom, double StandardError)
{
    /// <summary>True when the interval lies wholly above or wholly below zero.</summary>
    public bool ExcludesZero => Low > 0 || High < 0;
}

/// <summary>The few t-based estimates the insights need; small samples are the rule here, so t rather than normal intervals.</summary>
public static class Statistics
{
    public static double Mean(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[i];
        }
        return sum / values.Count;
    }

    public static double SampleVariance(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }
        var mean = Mean(values);
        var sumOfSquares = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            var deviation = values[i] - mean;
            sumOfSquares += deviation * deviation;
        }
        return sumOfSquares / (values.Count - 1);
    }

    public static double StudentTQuantile(double probability, double degreesOfFreedom) =>
        StudentT.InvCDF(0, 1, degreesOfFreedom, probability);

    /// <summary>mean(with) − mean(without) with Welch–Satterthwaite degrees of freedom; null when there is nothing to estimate.</summary>
    public static Estimate? WelchDifference(IReadOnlyList<double> with, IReadOnlyList<double> without, double confidence = 0.95)
    {
        if (with.Count < 2 || without.Count < 2)
        {
            return null;
        }
        var shareWith = SampleVariance(with) / with.Count;
        var shareWithout = SampleVariance(without) / without.Count;
        var variance = shareWith + shareWithout;
        if (variance <= 0)
        {
            return null;
        }
        var degreesOfFreedom = variance * variance
            / (shareWith * shareWith / (with.Count - 1) + shareWithout * shareWithout / (without.Count - 1));
        return FromT(Mean(with) - Mean(without), Math.Sqrt(variance), degreesOfFreedom, confidence);
    }

    /// <summary>One-sample t estimate of the mean (used on paired differences); null with fewer than 2 values.</summary>
    public static Estimate? MeanWithInterval(IReadOnlyList<double> values, double confidence = 0.95)
    {
        if (values.Count < 2)
        {
            return null;
        }
        var standardError = Math.Sqrt(SampleVariance(values) / values.Count);
        return FromT(Mean(values), standardError, values.Count - 1, confidence);
    }

    /// <summary>Ordinary least-squares slope of y on x; null with fewer than 3 points or when x does not vary.</summary>
    public static Estimate? Slope(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence = 0.95)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException("x and y must have the same length.", nameof(y));
        }
        var n = x.Count;
        if (n < 3)
        {
            return null;
        }
        var meanX = Mean(x);
        var meanY = Mean(y);
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (y[i] - meanY);
        }
        // Relative test: values like 180.0000001 steps/min are no spread at all.
        if (sxx <= 1e-12 * Math.Max(1, meanX * meanX) * n)
        {
            return null;
        }
        var slope = sxy / sxx;
        var intercept = meanY - slope * meanX;
        var residualSquares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var residual = y[i] - (intercept + slope * x[i]);
            residualSquares += residual * residual;
        }
        var standardError = Math.Sqrt(residualSquares / (n - 2) / sxx);
        return FromT(slope, standardError, n - 2, confidence);
    }

    /// <summary>Holm–Bonferroni adjusted p-values in the input's order: reject where adjusted p is below the family-wise level.</summary>
    public static IReadOnlyList<double> HolmAdjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = new int[m];
        for (var i = 0; i < m; i++)
        {
            order[i] = i;
        }
        // Stable order so tied p-values keep their input order.
        Array.Sort(order, (a, b) => pValues[a] != pValues[b] ? pValues[a].CompareTo(pValues[b]) : a.CompareTo(b));
        var adjusted = new double[m];
        var runningMax = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var index = order[rank];
            runningMax = Math.Max(runningMax, Math.Min(1, (m - rank) * pValues[index]));
            adjusted[index] = runningMax;
        }
        return adjusted;
    }

    private static Estimate FromT(double value, double standardError, double degreesOfFreedom, double confidence)
    {
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie between 0 and 1.");
        }
        if (standardError == 0)
        {
            // No scatter at all: the value is exact, and only a zero value is consistent with "no difference".
            return new Estimate(value, value, value, value == 0 ? 1 : 0, degreesOfFreedom, 0);
        }
        var halfWidth = StudentTQuantile((1 + confidence) / 2, degreesOfFreedom) * standardError;
        var t = Math.Abs(value / standardError);
        // 2·CDF(−|t|) keeps precision for large t, where 1 − CDF(|t|) would round to 0.
        var pValue = Math.Min(1, 2 * StudentT.CDF(0, 1, degreesOfFreedom, -t));
        return new Estimate(value, value - halfWidth, value + halfWidth, pValue, degreesOfFreedom, standardError);
    }
}
