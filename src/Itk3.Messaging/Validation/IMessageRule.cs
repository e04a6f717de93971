namespace Itk3.Messaging.Validation;

/// <summary>One receiver check, mapping the defects it finds to ITK3 response codes. Rules never throw on bad content.</summary>
public interface IMessageRule
{
    /// <summary>A short stable name for diagnostics and documentation.</summary>
    string Name { get; }

    /// <summary>Checks the message in the context and reports findings through it.</summary>
    void Check(ValidationContext context);
}
