using System.Globalization;
using System.Text;

namespace Backstride.Activities.Tests.Fit;

/// <summary>FIT base type codes (FORMATS.md, "Base types").</summary>
internal static class FitBaseType
{
    public const int Enum = 0x00;
    public const int SInt8 = 0x01;
    public const int UInt8 = 0x02;
    public const int SInt16 = 0x83;
    public const int UInt16 = 0x84;
    public const int SInt32 = 0x85;
    public const int UInt32 = 0x86;
    public const int String = 0x07;
    public const int Float32 = 0x88;
    public const int Float64 = 0x89;
    public const int UInt8z = 0x0A;
    public const int UInt16z = 0x8B;
    public const int UInt32z = 0x8C;
    public const int Byte = 0x0D;
    public const int SInt64 = 0x8E;
    public const int UInt64 = 0x8F;
    public const int UInt64z = 0x90;
}

/// <summary>FIT global message numbers the tests use.</summary>
internal static class FitGlobal
{
    public const int FileId = 0;
    public const int Session = 18;
    public const int Lap = 19;
    public const int Record = 20;
    public const int Event = 21;
    public const int Activity = 34;
    public const int FieldDescription = 206;
    public const int DeveloperDataId = 207;
    public const int Split = 312;
}

/// <summary>Field numbers of the record message (global 20).</summary>
internal static class FitRecordField
{
    public const int PositionLat = 0;
    public const int PositionLong = 1;
    public const int Altitude = 2;
    public const int HeartRate = 3;
    public const int Cadence = 4;
    public const int Distance = 5;
    public const int Speed = 6;
    public const int Power = 7;
    public const int CompressedSpeedDistance = 8;
    public const int VerticalOscillation = 39;
    public const int StanceTimePercent = 40;
    public const int StanceTime = 41;
    public const int FractionalCadence = 53;
    public const int EnhancedSpeed = 73;
    public const int EnhancedAltitude = 78;
    public const int VerticalRatio = 83;
    public const int StepLength = 85;
    public const int Timestamp = 253;
}

/// <summary>What <see cref="FitFileWriter.EndPart"/> puts after a part's data.</summary>
internal enum FitFileCrc
{
    /// <summary>The CRC of header and data, so that the CRC over the whole part is 0.</summary>
    Correct,
    /// <summary>A CRC that does not match the bytes.</summary>
    Wrong,
    /// <summary>No CRC at all (a file still being written, or cut short).</summary>
    Omitted,
}

/// <summary>
/// CRC-16/ARC as FIT uses it (reflected polynomial 0xA001, initial 0, no final XOR), computed nibble-wise with
/// Garmin's table from FORMATS.md.
/// </summary>
internal static class FitCrc
{
    private static readonly ushort[] Table =
    [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];

    public static ushort Compute(ReadOnlySpan<byte> data, ushort crc = 0)
    {
        foreach (var b in data)
        {
            crc = Step(crc, b & 0x0F);
            crc = Step(crc, (b >> 4) & 0x0F);
        }
        return crc;
    }

    private static ushort Step(ushort crc, int nibble)
    {
        var tmp = Table[crc & 0x0F];
        var shifted = (crc >> 4) & 0x0FFF;
        return (ushort)(shifted ^ tmp ^ Table[nibble]);
    }
}

/// <summary>
/// Builds FIT files byte by byte for the decoder's tests, with the features (and the defects) a test chooses:
/// <code>
/// var bytes = new FitFileWriter()
///     .Header(14)
///     .Define(local: 0, global: FitGlobal.Record, fields: [(253, 4, FitBaseType.UInt32), (3, 1, FitBaseType.UInt8)])
///     .Data(0, 866126049u, 120)
///     .CompressedTimestampData(0, 3, ...)
///     .EndPart()            // a chained second file follows
///     .Header(12)
///     ...
///     .ToArray();
/// </code>
/// Values are written with the size of their field in the definition's byte order: integers (any CLR integer
/// type), float/double, strings (UTF-8, zero-padded to the field size) or raw byte arrays (written as they are,
/// and the only way to write a field whose size is not 1, 2, 4 or 8). Developer field values follow the normal
/// field values, in the definition's order.
/// </summary>
internal sealed class FitFileWriter
{
    private const int DefaultHeaderSize = 14;
    private const int DefaultProtocol = 0x20;
    private const int DefaultProfile = 2132;

    private readonly List<byte> _finished = [];
    private readonly List<byte> _body = [];
    private readonly Dictionary<int, Definition> _definitions = new();

    private bool _partOpen;
    private int _headerSize = DefaultHeaderSize;
    private int _protocol = DefaultProtocol;
    private int _profile = DefaultProfile;
    private uint? _dataSize;
    private string _signature = ".FIT";
    private ushort? _headerCrc;
    private bool _wrongHeaderCrc;

    /// <summary>Bytes from the start of the whole file to where the next message will be written.</summary>
    public int Position => _finished.Count + _headerSize + _body.Count;

    /// <summary>
    /// Sets the current part's header; call it before the part's first message. <paramref name="size"/> is written
    /// in byte 0 and the header takes that many bytes (12 and 14 are valid; other sizes are zero-padded);
    /// <paramref name="dataSize"/> replaces the true data size (0 = "file still being written").
    /// </summary>
    public FitFileWriter Header(int size = DefaultHeaderSize, int protocol = DefaultProtocol, int profile = DefaultProfile,
        uint? dataSize = null, string signature = ".FIT")
    {
        if (_body.Count > 0)
        {
            throw new InvalidOperationException("Call Header before writing the part's messages.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 12);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 255);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(protocol, 255);
        ArgumentOutOfRangeException.ThrowIfNegative(protocol);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(profile, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfNegative(profile);
        if (signature.Length != 4)
        {
            throw new ArgumentException("The signature takes exactly 4 ASCII characters.", nameof(signature));
        }

        _partOpen = true;
        _headerSize = size;
        _protocol = protocol;
        _profile = profile;
        _dataSize = dataSize;
        _signature = signature;
        return this;
    }

    /// <summary>Writes this value as the header CRC of a 14-byte header (0 = "not computed").</summary>
    public FitFileWriter HeaderCrc(ushort crc)
    {
        _partOpen = true;
        _headerCrc = crc;
        return this;
    }

    /// <summary>Writes a header CRC that does not match the header.</summary>
    public FitFileWriter WrongHeaderCrc()
    {
        _partOpen = true;
        _wrongHeaderCrc = true;
        return this;
    }

    /// <summary>
    /// Writes a definition message and remembers it for the local type (replacing any earlier one).
    /// <paramref name="architecture"/> overrides the architecture byte (to write an invalid one); the values of
    /// later data messages are then written little-endian.
    /// </summary>
    public FitFileWriter Define(int local, int global,
        IReadOnlyList<(int Number, int Size, int BaseType)> fields,
        IReadOnlyList<(int Number, int Size, int DeveloperIndex)>? devFields = null,
        bool bigEndian = false, int? architecture = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(local);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(local, 15);
        devFields ??= [];
        _partOpen = true;

        var hasDevFields = devFields.Count > 0;
        _body.Add((byte)(0x40 | (hasDevFields ? 0x20 : 0) | local));
        _body.Add(0); // reserved
        _body.Add((byte)(architecture ?? (bigEndian ? 1 : 0)));
        WriteInteger(_body, (ulong)global, 2, bigEndian);
        _body.Add((byte)fields.Count);
        foreach (var (number, size, baseType) in fields)
        {
            _body.Add((byte)number);
            _body.Add((byte)size);
            _body.Add((byte)baseType);
        }
        if (hasDevFields)
        {
            _body.Add((byte)devFields.Count);
            foreach (var (number, size, developerIndex) in devFields)
            {
                _body.Add((byte)number);
                _body.Add((byte)size);
                _body.Add((byte)developerIndex);
            }
        }

        _definitions[local] = new Definition(bigEndian, fields, devFields);
        return this;
    }

    /// <summary>Writes a data message with a normal header for a local type defined earlier in this part.</summary>
    public FitFileWriter Data(int local, params object[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(local);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(local, 15);
        _partOpen = true;
        _body.Add((byte)local);
        WriteValues(local, values);
        return this;
    }

    /// <summary>
    /// Writes a data message with a compressed-timestamp header: local type 0–3 and a 5-bit time offset
    /// (timestamp = last + ((offset − (last &amp; 0x1F)) &amp; 0x1F)).
    /// </summary>
    public FitFileWriter CompressedTimestampData(int local, int timeOffset, params object[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(local);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(local, 3);
        ArgumentOutOfRangeException.ThrowIfNegative(timeOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timeOffset, 31);
        _partOpen = true;
        _body.Add((byte)(0x80 | (local << 5) | timeOffset));
        WriteValues(local, values);
        return this;
    }

    /// <summary>Writes bytes as they are into the current part's data (a message without a definition, garbage...).</summary>
    public FitFileWriter Raw(params byte[] bytes)
    {
        _partOpen = true;
        _body.AddRange(bytes);
        return this;
    }

    /// <summary>Tells where the next message will start, counted from the start of the whole file.</summary>
    public FitFileWriter Mark(out int offset)
    {
        offset = Position;
        return this;
    }

    /// <summary>A file_id message (type activity, Garmin) on its own local type.</summary>
    public FitFileWriter FileId(int local = 15, uint timeCreated = 866126049)
    {
        return Define(local, FitGlobal.FileId,
            [
                (0, 1, FitBaseType.Enum),    // type
                (1, 2, FitBaseType.UInt16),  // manufacturer
                (2, 2, FitBaseType.UInt16),  // product
                (3, 4, FitBaseType.UInt32z), // serial_number
                (4, 4, FitBaseType.UInt32),  // time_created
            ])
            .Data(local, 4, 1, 2697, 3945849289u, timeCreated);
    }

    /// <summary>A developer_data_id message (207) declaring a developer data index.</summary>
    public FitFileWriter DeveloperDataId(int developerIndex, int local = 14)
    {
        return Define(local, FitGlobal.DeveloperDataId,
            [
                (1, 16, FitBaseType.Byte),  // application_id
                (3, 1, FitBaseType.UInt8),  // developer_data_index
            ])
            .Data(local, new byte[16], developerIndex);
    }

    /// <summary>
    /// A field_description message (206). Units, native_mesg_num (14) and native_field_num (15) are left out of the
    /// message when null, as real files do.
    /// </summary>
    public FitFileWriter FieldDescription(int developerIndex, int fieldNumber, int baseType, string name,
        string? units = null, int? nativeMessage = null, int? nativeField = null, int local = 13)
    {
        var fields = new List<(int Number, int Size, int BaseType)>
        {
            (0, 1, FitBaseType.UInt8),   // developer_data_index
            (1, 1, FitBaseType.UInt8),   // field_definition_number
            (2, 1, FitBaseType.UInt8),   // fit_base_type_id
            (3, 32, FitBaseType.String), // field_name
        };
        var values = new List<object> { developerIndex, fieldNumber, baseType, name };
        if (units is not null)
        {
            fields.Add((8, 16, FitBaseType.String));
            values.Add(units);
        }
        if (nativeMessage is { } message)
        {
            fields.Add((14, 2, FitBaseType.UInt16));
            values.Add(message);
        }
        if (nativeField is { } field)
        {
            fields.Add((15, 1, FitBaseType.UInt8));
            values.Add(field);
        }
        return Define(local, FitGlobal.FieldDescription, fields).Data(local, values.ToArray());
    }

    /// <summary>
    /// Closes the current part (header, data, CRC) so that the next calls write a chained part with a fresh
    /// header and no definitions.
    /// </summary>
    public FitFileWriter EndPart(FitFileCrc crc = FitFileCrc.Correct)
    {
        var header = new byte[_headerSize];
        header[0] = (byte)_headerSize;
        header[1] = (byte)_protocol;
        header[2] = (byte)(_profile & 0xFF);
        header[3] = (byte)(_profile >> 8);
        var dataSize = _dataSize ?? (uint)_body.Count;
        for (var i = 0; i < 4; i++)
        {
            header[4 + i] = (byte)((dataSize >> (8 * i)) & 0xFF);
        }
        Encoding.ASCII.GetBytes(_signature, 0, 4, header, 8);
        if (_headerSize >= 14)
        {
            var headerCrc = _headerCrc ?? FitCrc.Compute(header.AsSpan(0, 12));
            if (_wrongHeaderCrc)
            {
                headerCrc ^= 0xFFFF;
            }
            header[12] = (byte)(headerCrc & 0xFF);
            header[13] = (byte)(headerCrc >> 8);
        }

        var part = new byte[header.Length + _body.Count];
        header.CopyTo(part, 0);
        _body.CopyTo(part, header.Length);
        _finished.AddRange(part);

        if (crc != FitFileCrc.Omitted)
        {
            var fileCrc = FitCrc.Compute(part);
            if (crc == FitFileCrc.Wrong)
            {
                fileCrc ^= 0x5A5A;
            }
            _finished.Add((byte)(fileCrc & 0xFF));
            _finished.Add((byte)(fileCrc >> 8));
        }

        _body.Clear();
        _definitions.Clear();
        _partOpen = false;
        _headerSize = DefaultHeaderSize;
        _protocol = DefaultProtocol;
        _profile = DefaultProfile;
        _dataSize = null;
        _signature = ".FIT";
        _headerCrc = null;
        _wrongHeaderCrc = false;
        return this;
    }

    /// <summary>The whole file: every ended part, and the current one ended with a correct CRC if it is open.</summary>
    public byte[] ToArray()
    {
        if (_partOpen || _finished.Count == 0)
        {
            EndPart();
        }
        return _finished.ToArray();
    }

    /// <summary>
    /// The 3 bytes of a record's compressed_speed_distance (field 8): speed in 1/100 m/s in the low 12 bits,
    /// distance in 1/16 m (modulo 4096) in the high 12 bits, little-endian as a byte array.
    /// </summary>
    public static byte[] CompressedSpeedDistance(int speedHundredths, int distanceSixteenths)
    {
        var packed = (speedHundredths & 0xFFF) | ((distanceSixteenths & 0xFFF) << 12);
        return [(byte)(packed & 0xFF), (byte)((packed >> 8) & 0xFF), (byte)((packed >> 16) & 0xFF)];
    }

    private void WriteValues(int local, object[] values)
    {
        if (!_definitions.TryGetValue(local, out var definition))
        {
            throw new InvalidOperationException(
                "Local type " + local.ToString(CultureInfo.InvariantCulture) +
                " has no definition in this part; use Raw to write a message without one.");
        }

        var expected = definition.Fields.Count + definition.DeveloperFields.Count;
        if (values.Length != expected)
        {
            throw new ArgumentException(
                "The definition has " + expected.ToString(CultureInfo.InvariantCulture) + " fields but " +
                values.Length.ToString(CultureInfo.InvariantCulture) + " values were given.", nameof(values));
        }

        var index = 0;
        foreach (var (_, size, baseType) in definition.Fields)
        {
            WriteValue(_body, values[index++], size, baseType, definition.BigEndian);
        }
        foreach (var (_, size, _) in definition.DeveloperFields)
        {
            // The developer field's base type is in its field_description; integers are what the tests write.
            WriteValue(_body, values[index++], size, FitBaseType.Byte, definition.BigEndian);
        }
    }

    private static void WriteValue(List<byte> into, object value, int size, int baseType, bool bigEndian)
    {
        switch (value)
        {
            case byte[] raw:
            {
                if (raw.Length != size)
                {
                    throw new ArgumentException("A raw value must have exactly the field's size.", nameof(value));
                }
                into.AddRange(raw);
                return;
            }
            case string text:
            {
                var utf8 = Encoding.UTF8.GetBytes(text);
                if (utf8.Length > size)
                {
                    throw new ArgumentException("The string is longer than its field.", nameof(value));
                }
                into.AddRange(utf8);
                for (var i = utf8.Length; i < size; i++)
                {
                    into.Add(0);
                }
                return;
            }
            case float single:
            {
                WriteInteger(into, BitConverter.SingleToUInt32Bits(single), size, bigEndian);
                return;
            }
            case double number:
            {
                var bits = size == 4 || baseType == FitBaseType.Float32
                    ? BitConverter.SingleToUInt32Bits((float)number)
                    : BitConverter.DoubleToUInt64Bits(number);
                WriteInteger(into, bits, size, bigEndian);
                return;
            }
            case ulong unsigned:
            {
                WriteInteger(into, unsigned, size, bigEndian);
                return;
            }
            default:
            {
                var integer = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                WriteInteger(into, unchecked((ulong)integer), size, bigEndian);
                return;
            }
        }
    }

    private static void WriteInteger(List<byte> into, ulong value, int size, bool bigEndian)
    {
        if (size is < 1 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size,
                "An integer takes 1 to 8 bytes; pass a byte[] for a field of another size.");
        }
        for (var i = 0; i < size; i++)
        {
            var shift = 8 * (bigEndian ? size - 1 - i : i);
            into.Add(unchecked((byte)(value >> shift)));
        }
    }

    private sealed record Definition(
        bool BigEndian,
        IReadOnlyList<(int Number, int Size, int BaseType)> Fields,
        IReadOnlyList<(int Number, int Size, int DeveloperIndex)> DeveloperFields);
}
