using static ImageQuality.Dicom.Network.Association.UpperLayerAction;
using static ImageQuality.Dicom.Network.Association.UpperLayerEvent;
using static ImageQuality.Dicom.Network.Association.UpperLayerState;

namespace ImageQuality.Dicom.Network.Association;

/// <summary>
/// The DICOM upper layer protocol machine (PS3.8 9.2, state transition Table 9-10). It decides; the association
/// code performs the action it names. An event the table has no entry for is a programming error of the local
/// side (a primitive in the wrong state), never something a peer can cause: every received PDU has an entry in
/// every state where a connection exists.
/// </summary>
public sealed class UpperLayerStateMachine
{
    public UpperLayerStateMachine(bool isRequestor) => IsRequestor = isRequestor;

    public bool IsRequestor { get; }

    public UpperLayerState State { get; private set; } = Sta1;

    /// <summary>Looks up and takes the transition for <paramref name="e"/>.</summary>
    /// <param name="acceptableToProvider">For AE-6 only: whether the A-ASSOCIATE-RQ passes the provider's checks (protocol version).</param>
    public UpperLayerAction Fire(UpperLayerEvent e, bool acceptableToProvider = true)
    {
        UpperLayerAction action = Lookup(State, e)
            ?? throw new InvalidOperationException($"Event {e} is not allowed in state {State} (PS3.8 Table 9-10)");
        State = NextState(action, acceptableToProvider);
        return action;
    }

    /// <summary>The action of Table 9-10 for an event in a state, or null where the table has none.</summary>
    public static UpperLayerAction? Lookup(UpperLayerState state, UpperLayerEvent e) => e switch
    {
        Evt1 => state == Sta1 ? AE1 : null,
        Evt2 => state == Sta4 ? AE2 : null,
        Evt3 => ReceivedPdu(state, Sta5, AE3),
        Evt4 => ReceivedPdu(state, Sta5, AE4),
        Evt5 => state == Sta1 ? AE5 : null,
        Evt6 => state switch
        {
            Sta2 => AE6,
            Sta13 => AA7,
            Sta1 or Sta4 => null,
            _ => AA8,
        },
        Evt7 => state == Sta3 ? AE7 : null,
        Evt8 => state == Sta3 ? AE8 : null,
        Evt9 => state switch { Sta6 => DT1, Sta8 => AR7, _ => null },
        Evt10 => state switch
        {
            Sta6 => DT2,
            Sta7 => AR6,
            _ => ReceivedPdu(state, Sta6, DT2),
        },
        Evt11 => state == Sta6 ? AR1 : null,
        Evt12 => state switch
        {
            Sta6 => AR2,
            Sta7 => AR8,
            _ => ReceivedPdu(state, Sta6, AR2),
        },
        Evt13 => state switch
        {
            Sta7 or Sta11 => AR3,
            Sta10 => AR10,
            _ => ReceivedPdu(state, Sta7, AR3),
        },
        Evt14 => state switch { Sta8 or Sta12 => AR4, Sta9 => AR9, _ => null },
        Evt15 => state switch
        {
            Sta4 => AA2,
            >= Sta3 and <= Sta12 => AA1,
            _ => null,
        },
        Evt16 => state switch
        {
            Sta2 or Sta13 => AA2,
            >= Sta3 and <= Sta12 when state != Sta4 => AA3,
            _ => null,
        },
        Evt17 => state switch
        {
            Sta2 => AA5,
            Sta13 => AR5,
            >= Sta3 and <= Sta12 => AA4,
            _ => null,
        },
        Evt18 => state is Sta2 or Sta13 ? AA2 : null,
        Evt19 => state switch
        {
            Sta2 => AA1,
            Sta13 => AA7,
            Sta1 or Sta4 => null,
            _ => AA8,
        },
        _ => null,
    };

    /// <summary>
    /// The common shape of a received association PDU's row: the expected state takes <paramref name="expected"/>;
    /// Sta2 answers with AA-1, Sta13 ignores it (AA-6), and every other connected state aborts (AA-8).
    /// </summary>
    private static UpperLayerAction? ReceivedPdu(UpperLayerState state, UpperLayerState expectedIn, UpperLayerAction expected) => state switch
    {
        _ when state == expectedIn => expected,
        Sta1 or Sta4 => null,
        Sta2 => AA1,
        Sta13 => AA6,
        _ => AA8,
    };

    private UpperLayerState NextState(UpperLayerAction action, bool acceptableToProvider) => action switch
    {
        AE1 => Sta4,
        AE2 => Sta5,
        AE3 => Sta6,
        AE4 => Sta1,
        AE5 => Sta2,
        AE6 => acceptableToProvider ? Sta3 : Sta13,
        AE7 => Sta6,
        AE8 => Sta13,
        DT1 or DT2 => Sta6,
        AR1 => Sta7,
        AR2 => Sta8,
        AR3 => Sta1,
        AR4 => Sta13,
        AR5 => Sta1,
        AR6 => Sta7,
        AR7 => Sta8,
        AR8 => IsRequestor ? Sta9 : Sta10,
        AR9 => Sta11,
        AR10 => Sta12,
        AA1 => Sta13,
        AA2 or AA3 or AA4 or AA5 => Sta1,
        AA6 or AA7 or AA8 => Sta13,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
