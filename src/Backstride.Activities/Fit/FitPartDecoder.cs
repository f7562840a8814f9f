using System.Buffers.Binary;
using System.Globalization;

namespace Backstride.Activities.Fit;

/// <summary>
/// Decodes the records of one FIT file (between its header and its CRC). Definitions and the running timestamp
/// belong to one file: a chained file starts afresh.
/// </summary>
internal ref struct FitPartDecoder(ReadOnlySpan<byte> data, FitActivityBuilder builder)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private readonly FitDefinition?[] _definitions = new FitDefinition?[16];
    private uint _lastTimestamp;

    public void Decode(int start, int end)
    {
        var position = start;
        while (position < end)
        {
            var recordStart = position;
            var header = _data[position++];
            if ((header & 0x80) != 0)
            {
                // Compressed-timestamp header: five bits of time offset, two of local type.
                var offset = (uint)(header & 0x1F);
                _lastTimestamp += (offset - (_lastTimestamp & 0x1F)) & 0x1F;
                position = DecodeData((header >> 5) & 0x03, recordStart, position, end, compressedTimestamp: true);
            }
            else if ((header & 0x40) != 0)
            {
                position = DecodeDefinition(header & 0x0F, (header & 0x20) != 0, recordStart, position, end);
            }
            else
            {
                position = DecodeData(header & 0x0F, recordStart, position, end, compressedTimestamp: false);
            }
        }
    }

    private int DecodeDefinition(int localType, bool hasDeveloperFields, int recordStart, int position, int end)
    {
        Need(position, 5, end, recordStart, "definition message");
        var architecture = _data[position + 1];
        if (architecture > 1)
        {
            throw FitReader.Problem(ActivityFileProblem.Corrupt, string.Create(CultureInfo.InvariantCulture,
                $"The definition message at byte offset {recordStart} has architecture {architecture}; only 0 (little-endian) and 1 (big-endian) exist."),
                recordStart);
        }
        var bigEndian = architecture == 1;
        var global = bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(_data[(position + 2)..])
            : BinaryPrimitives.ReadUInt16LittleEndian(_data[(position + 2)..]);
        int fieldCount = _data[position + 4];
        position += 5;

        Need(position, fieldCount * 3, end, recordStart, "definition message");
        var fields = fieldCount == 0 ? [] : new FitField[fieldCount];
        var messageOffset = 0;
        for (var i = 0; i < fieldCount; i++)
        {
            var size = _data[position + 1];
            fields[i] = new FitField(_data[position], size, _data[position + 2], messageOffset);
            messageOffset += size;
            position += 3;
        }

        FitDeveloperFieldRef[] developerFields = [];
        if (hasDeveloperFields)
        {
            Need(position, 1, end, recordStart, "definition message");
            int developerCount = _data[position++];
            Need(position, developerCount * 3, end, recordStart, "definition message");
            developerFields = developerCount == 0 ? [] : new FitDeveloperFieldRef[developerCount];
            for (var i = 0; i < developerCount; i++)
            {
                var size = _data[position + 1];
                developerFields[i] = new FitDeveloperFieldRef(_data[position], size, _data[position + 2], messageOffset);
                messageOffset += size;
                position += 3;
            }
        }

        _definitions[localType] = new FitDefinition(global, bigEndian, fields, developerFields);
        return position;
    }

    private int DecodeData(int localType, int recordStart, int position, int end, bool compressedTimestamp)
    {
        var definition = _definitions[localType] ?? throw FitReader.Problem(ActivityFileProblem.Corrupt,
            string.Create(CultureInfo.InvariantCulture,
                $"The data message at byte offset {recordStart} uses local message type {localType}, which no definition message has defined."),
            recordStart);
        Need(position, definition.MessageSize, end, recordStart, "data message");
        var message = _data.Slice(position, definition.MessageSize);

        if (definition.TimestampIndex >= 0 && definition.TryRead(message, definition.TimestampIndex, out var timestamp))
        {
            _lastTimestamp = (uint)timestamp;
        }

        builder.CountMessage(definition.GlobalNumber);
        switch (definition.GlobalNumber)
        {
            case FitProfile.Messages.Record:
                builder.AddRecord(definition, message, _lastTimestamp, compressedTimestamp || definition.TimestampIndex >= 0);
                break;
            case FitProfile.Messages.Session:
                builder.AddSession(definition, message);
                break;
            case FitProfile.Messages.Lap:
                builder.AddLap(definition, message);
                break;
            case FitProfile.Messages.Sport:
                builder.AddSport(definition, message);
                break;
            case FitProfile.Messages.FieldDescription:
                builder.AddFieldDescription(definition, message);
                break;
        }
        return position + definition.MessageSize;
    }

    private static void Need(int position, int count, int end, int recordStart, string what)
    {
        if (position + count > end)
        {
            throw FitReader.Problem(ActivityFileProblem.EndOfFile, string.Create(CultureInfo.InvariantCulture,
                $"The {what} at byte offset {recordStart} runs past the end of the FIT data at byte offset {end}."),
                recordStart);
        }
    }
}
