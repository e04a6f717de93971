using System.Text.Json;
using System.Text.Json.Serialization;
using Itk3.Mesh.Server.Storage;

namespace Itk3.Mesh.Server.Tests.Units;

public sealed class StoreJsonContextTests
{
    /// <summary>The options the journal's message records were written with before source generation.</summary>
    private static readonly JsonSerializerOptions Reflection = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    [Fact]
    public void A_message_record_is_written_byte_for_byte_as_before_and_an_old_record_reads_back_the_same()
    {
        var at = new DateTimeOffset(2026, 12, 2, 10, 11, 12, TimeSpan.Zero);
        var message = new StoredMessage
        {
            MessageId = "20261202101112345678_ABCDEF", MessageType = "REPORT", Sender = "A", Recipient = "B", AddressedTo = "C",
            WorkflowId = "W", LocalId = "L", Subject = "S", FileName = "f.dat", PartnerId = "P", Checksum = "md5", ContentType = "text/plain",
            ContentCompressed = "Y", ContentEncrypted = "N", ContentEncoding = "gzip", TotalChunks = 3, ReceivedChunks = 2, Size = 99,
            LastChunkSize = 33, Status = MessageStatus.Acknowledged, Sequence = 7, UploadedAt = at, AcceptedAt = at, DownloadedAt = at,
            AcknowledgedAt = at, LinkedMessageId = "X", StatusCode = "00", StatusEvent = "TRANSFER", StatusDescription = "d",
            StatusSuccess = "SUCCESS", StatusTimestamp = at,
        };
        var old = JsonSerializer.SerializeToUtf8Bytes(message, Reflection);

        Assert.Equal(old, JsonSerializer.SerializeToUtf8Bytes(message, MessageStore.MessageJson));
        Assert.Equal(old, JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize(old, MessageStore.MessageJson), Reflection));
        Assert.Equal(
            JsonSerializer.SerializeToUtf8Bytes(new StoredMessage { MessageId = "M" }, Reflection),
            JsonSerializer.SerializeToUtf8Bytes(new StoredMessage { MessageId = "M" }, MessageStore.MessageJson));
    }
}
