using System.Globalization;

namespace Backstride.Activities.Xml;

/// <summary>
/// Parses the xsd:dateTime values of GPX and TCX into UTC. Every point carries one, so the shape watches and
/// exporters write ("2014-10-05T13:07:53.000Z") is parsed by hand; anything else goes to
/// <c>DateTimeOffset.TryParse</c> with the invariant culture,
/// which gives the same answer on the common shape, only several times slower.
/// </summary>
internal static class IsoTime
{
    private const int MaxFractionDigits = 7; // one tick is 100 ns

    public static bool TryParseUtc(ReadOnlySpan<char> text, out DateTime utc)
    {
        if (TryParseExtendedFormat(text, out utc))
        {
            return true;
        }

        // A time without a zone is UTC (both schemas say so), and every result is brought to UTC.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            utc = parsed.UtcDateTime;
            return true;
        }

        utc = default;
        return false;
    }

    // yyyy-MM-ddTHH:mm:ss, an optional fraction of up to 7 digits, then "Z", "+hh:mm", "-hh:mm" or nothing.
    private static bool TryParseExtendedFormat(ReadOnlySpan<char> s, out DateTime utc)
    {
        utc = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
        {
            return false;
        }
        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month)
            || !TryDigits(s.Slice(8, 2), out var day) || !TryDigits(s.Slice(11, 2), out var hour)
            || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var digits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                fractionTicks = (fractionTicks * 10) + (s[i] - '0');
                digits++;
                i++;
                if (digits > MaxFractionDigits)
                {
                    return false; // finer than a tick: leave the rounding to the general parser
                }
            }
            if (digits == 0)
            {
                return false;
            }
            for (; digits < MaxFractionDigits; digits++)
            {
                fractionTicks *= 10;
            }
        }

        long offsetTicks = 0;
        if (i < s.Length)
        {
            if (s[i] == 'Z' && i + 1 == s.Length)
            {
                // UTC already.
            }
            else if ((s[i] == '+' || s[i] == '-') && s.Length == i + 6 && s[i + 3] == ':'
                && TryDigits(s.Slice(i + 1, 2), out var offsetHours) && TryDigits(s.Slice(i + 4, 2), out var offsetMinutes)
                && offsetHours <= 14 && offsetMinutes <= 59)
            {
                offsetTicks = ((offsetHours * 60L) + offsetMinutes) * TimeSpan.TicksPerMinute;
                if (s[i] == '-')
                {
                    offsetTicks = -offsetTicks;
                }
            }
            else
            {
                return false;
            }
        }

        // Local time is UTC plus the offset, so UTC is local time minus it.
        var ticks = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks - offsetTicks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        utc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
