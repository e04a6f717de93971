using Itk3.Messaging.Correlation;
using Itk3.Messaging.Reading;
using Itk3.Messaging.Tests.Support;
using static Itk3.Messaging.Tests.Support.Fixtures;

namespace Itk3.Messaging.Tests.Correlation;

public sealed class CorrelationTests
{
    private static (TransactionTracker Tracker, ManualTimeProvider Clock, ItkMessage Original, string Id) Setup(bool inf = true, bool bus = true)
    {
        var clock = Clock();
        var built = Builder().Build(Draft(inf, bus));
        var tracker = new TransactionTracker(clock, new CorrelationOptions { InfrastructureTimeout = TimeSpan.FromHours(1), BusinessTimeout = TimeSpan.FromHours(2) });
        tracker.Track(new SentMessage(built.MessageHeaderId, built.BundleIdentifier, built.BundleId, inf, bus, clock.GetUtcNow()));
        return (tracker, clock, new ItkMessage(built.Bundle), built.MessageHeaderId);
    }

    private static ItkMessage Response(ItkMessage original, string code) => new(ResponseFactory().CreateFor(original, code).Bundle);

    [Fact]
    public void Full_transaction_completes_after_20013_and_a_positive_business_response()
    {
        var (tracker, _, original, id) = Setup();
        Assert.Equal(TransactionState.AwaitingInfrastructure, tracker.StatusOf(id).State);
        Assert.Equal(CorrelationMatch.MessageHeaderId, tracker.Receive(Response(original, "20013")));
        Assert.Equal(TransactionState.AwaitingBusiness, tracker.StatusOf(id).State);
        tracker.Receive(Response(original, "30001"));
        Assert.Equal(TransactionState.Completed, tracker.StatusOf(id).State);
    }

    [Fact]
    public void Negative_infrastructure_response_fails_the_transaction()
    {
        var (tracker, _, original, id) = Setup();
        tracker.Receive(Response(original, "20009"));
        Assert.Equal(TransactionFailure.NegativeInfrastructure, tracker.StatusOf(id).Failure);
    }

    [Fact]
    public void Missing_infrastructure_response_fails_after_the_deadline()
    {
        var (tracker, clock, _, id) = Setup();
        Assert.Equal(Now.AddHours(1), tracker.StatusOf(id).Deadline);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TransactionFailure.MissingInfrastructure, tracker.StatusOf(id).Failure);
    }

    [Fact]
    public void Missing_business_response_after_20013_fails_after_the_business_deadline()
    {
        var (tracker, clock, original, id) = Setup();
        clock.Advance(TimeSpan.FromMinutes(30));
        tracker.Receive(Response(original, "20013"));
        clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(TransactionState.AwaitingBusiness, tracker.StatusOf(id).State);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TransactionFailure.MissingBusiness, tracker.StatusOf(id).Failure);
    }

    [Theory]
    [InlineData("30002", TransactionState.Failed)]
    [InlineData("30003", TransactionState.Failed)]
    [InlineData("30007", TransactionState.Completed)]
    [InlineData("30004", TransactionState.Completed)]
    public void Fatal_negative_business_responses_fail_and_other_outcomes_complete(string code, TransactionState expected)
    {
        var (tracker, _, original, id) = Setup();
        tracker.Receive(Response(original, "20013"));
        tracker.Receive(Response(original, code));
        Assert.Equal(expected, tracker.StatusOf(id).State);
        Assert.Equal(code == "30007", tracker.StatusOf(id).HasAdverseBusinessOutcome);
    }

    [Fact]
    public void Fire_and_forget_is_complete_at_once()
    {
        var (tracker, _, _, id) = Setup(false, false);
        Assert.Equal(TransactionState.Completed, tracker.StatusOf(id).State);
    }

    [Fact]
    public void Responses_pointing_at_the_bundle_identifier_or_id_are_matched_as_fallbacks()
    {
        var built = Builder().Build(Draft());
        var sent = new[] { new SentMessage(built.MessageHeaderId, built.BundleIdentifier, built.BundleId, true, true, Now) };
        ItkMessage Answering(string target) =>
            new(ResponseFactory().Create(new Messaging.Responses.ResponseRequest(Messaging.Codes.ResponseCodes.Get("20013"), target)).Bundle);

        Assert.Equal(CorrelationMatch.BundleIdentifier, ResponseCorrelator.Match(Answering(built.BundleIdentifier), sent).Match);
        Assert.Equal(CorrelationMatch.BundleId, ResponseCorrelator.Match(Answering(built.BundleId), sent).Match);
        Assert.Equal(CorrelationMatch.None, ResponseCorrelator.Match(Answering("other"), sent).Match);
    }
}
