namespace Itk3.Gateway.Chaos.Faults;

/// <summary>What the proxy does to a faulted MESH call.</summary>
internal enum ProxyFault
{
    /// <summary>Answers 500 without forwarding.</summary>
    Error500,

    /// <summary>Answers 502 without forwarding.</summary>
    Error502,

    /// <summary>Holds the call a few seconds, then drops the connection (a timeout as the client sees it).</summary>
    Timeout,

    /// <summary>Forwards the call (MESH acts on it) and then answers 500: the answer is lost.</summary>
    LostAnswer,
}
