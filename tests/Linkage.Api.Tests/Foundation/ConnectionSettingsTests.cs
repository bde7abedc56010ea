using Linkage.Infrastructure.Persistence;
using Npgsql;

namespace Linkage.Api.Tests.Foundation;

/// <summary>What the API adds to its connection string, directly and behind a pooler in transaction mode (ADR 0022).</summary>
public sealed class ConnectionSettingsTests
{
    private const string Configured = "Host=db;Database=linkage;Username=app";

    [Test]
    public void Directly_the_API_auto_prepares_and_skips_the_reset_on_close()
    {
        var built = new NpgsqlConnectionStringBuilder(ConnectionSettings.Build(Configured, transactionPooling: false));

        Assert.That(built.MaxAutoPrepare, Is.EqualTo(ConnectionSettings.DirectMaxAutoPrepare));
        Assert.That(built.AutoPrepareMinUsages, Is.EqualTo(2));
        Assert.That(built.NoResetOnClose, Is.True);
        Assert.That(built.Timeout, Is.EqualTo(3));
    }

    [Test]
    public void Behind_a_transaction_pooler_nothing_is_prepared_and_nothing_is_reset()
    {
        var built = new NpgsqlConnectionStringBuilder(ConnectionSettings.Build(Configured, transactionPooling: true));

        Assert.That(built.MaxAutoPrepare, Is.Zero);
        Assert.That(built.NoResetOnClose, Is.True);
    }

    [Test]
    public void Behind_a_transaction_pooler_an_explicit_auto_prepare_is_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ConnectionSettings.Build(Configured + ";Max Auto Prepare=20", transactionPooling: true));

        Assert.That(error!.Message, Does.Contain("Max Auto Prepare=20").And.Contain(ConnectionSettings.TransactionPoolingKey));
        Assert.That(new NpgsqlConnectionStringBuilder(ConnectionSettings.Build(Configured + ";MaxAutoPrepare=0", true)).MaxAutoPrepare, Is.Zero);
    }

    [Test]
    public void Explicit_settings_of_the_configured_string_win_directly()
    {
        var built = new NpgsqlConnectionStringBuilder(
            ConnectionSettings.Build(Configured + ";Max Auto Prepare=5;No Reset On Close=false;Timeout=9", transactionPooling: false));

        Assert.That(built.MaxAutoPrepare, Is.EqualTo(5));
        Assert.That(built.NoResetOnClose, Is.False);
        Assert.That(built.Timeout, Is.EqualTo(9));
    }
}
