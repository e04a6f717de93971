namespace Itk3.Gateway.Delivery;

/// <summary>Writes each payload to <c>{folder}/{idempotency key}.{json|xml}</c> atomically (temporary file, then rename; owner-only), so a repeat overwrites the same file.</summary>
/// <param name="folder">The folder (created when missing).</param>
public sealed class FolderDeliveryTarget(string folder) : IDeliveryTarget
{
    /// <inheritdoc />
    public Task DeliverAsync(DeliveryItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var xml = DeliveryContent.IsXml(item.Content);
        return WriteAsync(item, xml, (path, ct) => Hosting.PrivateFiles.WriteAsync(path, item.Content, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeliverAsync(DeliveryItem item, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(content);
        var xml = DeliveryContent.IsXml(content);
        return WriteAsync(item, xml, (path, ct) => Hosting.PrivateFiles.WriteAsync(path, content, ct), cancellationToken);
    }

    private async Task WriteAsync(DeliveryItem item, bool xml, Func<string, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        Hosting.PrivateFiles.CreateFolder(folder);
        var name = string.Concat(item.IdempotencyKey.Split(Path.GetInvalidFileNameChars()));
        var final = Path.Combine(folder, name + (xml ? ".xml" : ".json"));
        var temporary = final + ".tmp";
        await write(temporary, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, final, overwrite: true);
    }
}
