namespace Itk3.Messaging.Codes;

/// <summary>A code of ITK-MessageEvent-2 (<c>MessageHeader.event</c>) with its exact display.</summary>
public sealed record MessageEvent(string Code, string Display);
