namespace Itk3.Gateway.Delivery;

/// <summary>Writes each payload to <c>{folder}/{idempotency key}.{json|xml}</c> atomically (temporary file, then rename; owner-only), so a repeat overwrites the same file.</summary>
/// <param name="folder">The folder (created when missing).</param>
public sealed class FolderDeliveryTarget(string folder) : IDeliveryTarget
{
    /// <inheritdoc />
    public async Task DeliverAsync(DeliveryItem item, CancellationToken cancellationToken)
    {
        Hosting.PrivateFiles.CreateFolder(folder);
        var extension = item.Content.Length > 0 && item.Content.Span[0] == (byte)'<' ? ".xml" : ".json";
        var name = string.Concat(item.IdempotencyKey.Split(Path.GetInvalidFileNameChars()));
        var final = Path.Combine(folder, name + extension);
        var temporary = final + ".tmp";
        await Hosting.PrivateFiles.WriteAsync(temporary, item.Content, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, final, overwrite: true);
    }
}
