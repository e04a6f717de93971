namespace Itk3.Gateway.Application;

/// <summary>What happened to a reported business outcome.</summary>
public enum OutcomeResult
{
    /// <summary>Recorded; the business response is queued.</summary>
    Accepted,

    /// <summary>The same outcome was already recorded (an idempotent repeat); nothing new is sent.</summary>
    AlreadyReported,

    /// <summary>No received message with that id.</summary>
    NotFound,

    /// <summary>The message does not await a business outcome (not accepted, not requested, or another outcome was already reported).</summary>
    Conflict,

    /// <summary>The code is not a business (3xxxx) response code.</summary>
    Invalid,
}
