using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Backstride.Activities.Fit;

/// <summary>One field of a definition message: where it sits in the data message and how to read it.</summary>
internal readonly struct FitField
{
    // Base type numbers (the low five bits of the base type byte) and their sizes in bytes.
    private static ReadOnlySpan<byte> BaseSizes => [1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8];

    public FitField(byte number, byte size, byte baseType, int offset)
    {
        Number = number;
        Size = size;
        BaseType = baseType;
        Offset = offset;
        BaseNumber = baseType & 0x1F;
        // Worked out once per definition rather than once per value: it sits on the per-record path.
        NumberSize = BaseNumber >= BaseSizes.Length || BaseNumber == 7 || size == 0 || size % BaseSizes[BaseNumber] != 0
            ? 0
            : BaseSizes[BaseNumber];
    }

    public byte Number { get; }
    public byte Size { get; }
    public byte BaseType { get; }
    public int Offset { get; }
    public int BaseNumber { get; }

    /// <summary>
    /// Size of one value of the base type, or 0 when the field cannot be read as a number: an unknown base type,
    /// a string, or a size that is not a multiple of the type's size (real COROS files do this; read as bytes).
    /// </summary>
    public int NumberSize { get; }
}

/// <summary>A developer field in a definition: which description it refers to and where its value sits.</summary>
internal readonly record struct FitDeveloperFieldRef(byte Number, byte Size, byte DeveloperDataIndex, int Offset);

/// <summary>
/// A definition message, kept for its local message type until another replaces it. Record definitions also carry
/// the offsets of the fields a sample needs, worked out once so each record is read without a search.
/// </summary>
internal sealed class FitDefinition
{
    public FitDefinition(int globalNumber, bool bigEndian, FitField[] fields, FitDeveloperFieldRef[] developerFields)
    {
        GlobalNumber = globalNumber;
        BigEndian = bigEndian;
        Fields = fields;
        DeveloperFields = developerFields;
        var size = 0;
        foreach (var field in fields)
        {
            size += field.Size;
        }
        foreach (var field in developerFields)
        {
            size += field.Size;
        }
        MessageSize = size;
        TimestampIndex = IndexOf(FitProfile.Timestamp);
        if (globalNumber == FitProfile.Messages.Record)
        {
            Record = new RecordLayout(this);
        }
    }

    public int GlobalNumber { get; }
    public bool BigEndian { get; }
    public FitField[] Fields { get; }
    public FitDeveloperFieldRef[] DeveloperFields { get; }

    /// <summary>Bytes of one data message of this definition, developer fields included.</summary>
    public int MessageSize { get; }

    /// <summary>Index of field 253 (timestamp) in <see cref="Fields"/>, or -1.</summary>
    public int TimestampIndex { get; }

    public RecordLayout? Record { get; }

    /// <summary>The developer fields that stand in for native record fields, resolved against the descriptions seen so far.</summary>
    public DeveloperTarget[] DeveloperTargets { get; set; } = [];

    /// <summary>Which version of the descriptions <see cref="DeveloperTargets"/> was resolved against (-1: not yet).</summary>
    public int DeveloperTargetsVersion { get; set; } = -1;

    public int IndexOf(int fieldNumber)
    {
        for (var i = 0; i < Fields.Length; i++)
        {
            if (Fields[i].Number == fieldNumber)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Reads field <paramref name="index"/> as a number; false when absent, invalid or not numeric.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(ReadOnlySpan<byte> message, int index, out double value)
    {
        if (index < 0)
        {
            value = 0;
            return false;
        }
        return TryReadNumber(message, Fields[index], BigEndian, out value);
    }

    public bool TryReadField(ReadOnlySpan<byte> message, int fieldNumber, out double value) =>
        TryRead(message, IndexOf(fieldNumber), out value);

    public string? ReadString(ReadOnlySpan<byte> message, int fieldNumber)
    {
        var index = IndexOf(fieldNumber);
        if (index < 0 || Fields[index].BaseNumber != 7)
        {
            return null;
        }
        var field = Fields[index];
        var bytes = message.Slice(field.Offset, field.Size);
        var end = bytes.IndexOf((byte)0);
        if (end >= 0)
        {
            bytes = bytes[..end];
        }
        return bytes.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// Reads the first value of a field by its base type, honouring the byte order and the base type's invalid
    /// value (FIT marks "no value" with all bits set for signed and unsigned types, or zero for the z types).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadNumber(ReadOnlySpan<byte> message, FitField field, bool bigEndian, out double value)
    {
        value = 0;
        if (field.NumberSize == 0)
        {
            return false;
        }
        var bytes = message.Slice(field.Offset, field.NumberSize);
        switch (field.BaseNumber)
        {
            case 0 or 2 or 13: // enum, uint8, byte
                if (bytes[0] == 0xFF) return false;
                value = bytes[0];
                return true;
            case 1: // sint8
                if (bytes[0] == 0x7F) return false;
                value = (sbyte)bytes[0];
                return true;
            case 10: // uint8z
                if (bytes[0] == 0) return false;
                value = bytes[0];
                return true;
            case 3:
            {
                var v = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(bytes) : BinaryPrimitives.ReadInt16LittleEndian(bytes);
                if (v == short.MaxValue) return false;
                value = v;
                return true;
            }
            case 4 or 11:
            {
                var v = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);
                if (field.BaseNumber == 4 ? v == ushort.MaxValue : v == 0) return false;
                value = v;
                return true;
            }
            case 5:
            {
                var v = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes) : BinaryPrimitives.ReadInt32LittleEndian(bytes);
                if (v == int.MaxValue) return false;
                value = v;
                return true;
            }
            case 6 or 12:
            {
                var v = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
                if (field.BaseNumber == 6 ? v == uint.MaxValue : v == 0) return false;
                value = v;
                return true;
            }
            case 8:
            {
                var bits = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
                var f = BitConverter.UInt32BitsToSingle(bits);
                if (bits == uint.MaxValue || !float.IsFinite(f)) return false;
                value = f;
                return true;
            }
            case 9:
            {
                var bits = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
                var d = BitConverter.UInt64BitsToDouble(bits);
                if (bits == ulong.MaxValue || !double.IsFinite(d)) return false;
                value = d;
                return true;
            }
            case 14:
            {
                var v = bigEndian ? BinaryPrimitives.ReadInt64BigEndian(bytes) : BinaryPrimitives.ReadInt64LittleEndian(bytes);
                if (v == long.MaxValue) return false;
                value = v;
                return true;
            }
            case 15 or 16:
            {
                var v = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
                if (field.BaseNumber == 15 ? v == ulong.MaxValue : v == 0) return false;
                value = v;
                return true;
            }
            default:
                return false;
        }
    }
}

/// <summary>Indexes of the record fields a sample is built from (-1 when the definition lacks the field).</summary>
internal sealed class RecordLayout(FitDefinition definition)
{
    public readonly int Latitude = definition.IndexOf(0);
    public readonly int Longitude = definition.IndexOf(1);
    public readonly int Altitude = definition.IndexOf(2);
    public readonly int HeartRate = definition.IndexOf(3);
    public readonly int Cadence = definition.IndexOf(4);
    public readonly int Distance = definition.IndexOf(5);
    public readonly int Speed = definition.IndexOf(6);
    public readonly int Power = definition.IndexOf(7);
    public readonly int CompressedSpeedDistance = definition.IndexOf(8);
    public readonly int VerticalOscillation = definition.IndexOf(39);
    public readonly int StanceTime = definition.IndexOf(41);
    public readonly int FractionalCadence = definition.IndexOf(53);
    public readonly int EnhancedSpeed = definition.IndexOf(73);
    public readonly int EnhancedAltitude = definition.IndexOf(78);
    public readonly int VerticalRatio = definition.IndexOf(83);
    public readonly int StepLength = definition.IndexOf(85);
}
