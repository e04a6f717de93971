namespace Itk3.Gateway.Transactions;

/// <summary>How an outbound transaction's recipient is addressed; stored by name.</summary>
public enum RecipientKind
{
    /// <summary>A MESH mailbox id.</summary>
    Mailbox,

    /// <summary>An ODS code, resolved to a mailbox by MESH endpoint look-up.</summary>
    Ods,

    /// <summary>A GP provider address (ODS code of the patient's registered practice).</summary>
    GpProvider,
}
