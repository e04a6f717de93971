using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Reading;

/// <summary>What a received ITK3 Response says: the code(s), level, outcome and the message it answers.</summary>
public sealed record ItkResponseView(ItkHeader Header, ItkEntry? Details)
{
    /// <summary>response.identifier: the id of the original message.</summary>
    public string? RespondsTo => Header.ResponseIdentifier;

    /// <summary>response.code as received.</summary>
    public string? HeaderResponseCode => Header.ResponseCode;

    /// <summary>Every ITK response code found in the OperationOutcome issues (several are tolerated on receipt).</summary>
    public IReadOnlyList<string> Codes =>
        [.. (Details?.Resource?.ChildrenNamed("issue") ?? [])
            .SelectMany(i => i.Child("details")?.ChildrenNamed("coding") ?? [])
            .Where(c => c.ChildValue("system") == ResponseCodes.System)
            .Select(c => c.ChildValue("code"))
            .OfType<string>()];

    /// <summary>The (first) response code, or null.</summary>
    public string? Code => Codes.Count > 0 ? Codes[0] : null;

    /// <summary>The table entry of <see cref="Code"/>, or null for unknown codes.</summary>
    public ResponseCode? Known => ResponseCodes.TryGet(Code, out var known) ? known : null;

    /// <summary>The level from the code prefix (1/2 infrastructure, 3 business); null when no code is readable.</summary>
    public ResponseLevel? Level => ResponseCodes.LevelOf(Code);

    /// <summary>Positive or negative: from the table for known codes, else from response.code (<c>ok</c> is positive).</summary>
    public bool IsPositive => Known?.IsPositive ?? HeaderResponseCode == "ok";
}
