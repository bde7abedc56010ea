using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Linkage.Api.Tests.Support;

/// <summary>
/// A TCP proxy between the API and its database that breaks one connection at its <c>COMMIT</c>, as a pooler restart or
/// a network fault does: before the server receives it (the transaction rolls back), or after the server committed but
/// before its answer reaches the API (the outcome the API cannot see). Transparent otherwise.
/// </summary>
public sealed class CommitCutter : IAsyncDisposable
{
    private static readonly byte[] Commit = Encoding.ASCII.GetBytes("COMMIT");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TcpClient> _open = [];
    private Armed? _armed;
    private int _fired;

    private CommitCutter(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _ = AcceptAsync();
    }

    public enum Cut
    {
        /// <summary>The COMMIT never reaches the server: the transaction rolls back.</summary>
        BeforeCommit,

        /// <summary>The server commits; its answer is dropped and the connection closed.</summary>
        AfterCommit,
    }

    /// <summary>Whether the armed cut has happened.</summary>
    public bool Fired => Volatile.Read(ref _fired) == 1;

    /// <summary>While true, new connections are closed at once (the database is unreachable through the proxy).</summary>
    public bool RefuseNew { get; set; }

    /// <summary>A proxy to the database of <paramref name="connectionString"/>.</summary>
    public static CommitCutter To(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        return new CommitCutter(target.Host!, target.Port);
    }

    /// <summary><paramref name="connectionString"/> through this proxy.</summary>
    public string Through(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        Host = "127.0.0.1",
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port,
    }.ConnectionString;

    /// <summary>Cuts the next connection that sends <paramref name="after"/> (a statement of the write under test), at its next COMMIT.</summary>
    public void Arm(Cut cut, string after)
    {
        Volatile.Write(ref _fired, 0);
        Volatile.Write(ref _armed, new Armed(cut, Encoding.ASCII.GetBytes(after)));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        lock (_open)
        {
            _open.ForEach(c => c.Dispose());
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            if (RefuseNew)
            {
                client.Dispose();
                continue;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var server = new TcpClient();
        using (client)
        {
            lock (_open)
            {
                _open.Add(client);
                _open.Add(server);
            }

            try
            {
                await server.ConnectAsync(_targetHost, _targetPort, _stopping.Token);
                var connection = new Connection(client, server);
                await Task.WhenAny(PumpToServerAsync(connection), PumpToClientAsync(connection));
            }
            catch (Exception)
            {
                // A cut or a stop: both ends close below.
            }
        }
    }

    private async Task PumpToServerAsync(Connection connection)
    {
        var buffer = new byte[64 * 1024];
        var toServer = connection.Server.GetStream();
        var fromClient = connection.Client.GetStream();
        while (await fromClient.ReadAsync(buffer, _stopping.Token) is var read and > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            var armed = Volatile.Read(ref _armed);
            if (armed is not null && !connection.Marked && chunk.IndexOf(armed.After) >= 0)
            {
                connection.Marked = true;
            }
            else if (armed is not null && connection.Marked && chunk.IndexOf(Commit) >= 0
                && Interlocked.CompareExchange(ref _armed, null, armed) == armed)
            {
                if (armed.Cut == Cut.AfterCommit)
                {
                    connection.Muted = true;
                    await toServer.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
                    await Task.Delay(TimeSpan.FromMilliseconds(300), _stopping.Token);
                }

                Volatile.Write(ref _fired, 1);
                return;
            }

            await toServer.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
        }
    }

    private async Task PumpToClientAsync(Connection connection)
    {
        var buffer = new byte[64 * 1024];
        var toClient = connection.Client.GetStream();
        var fromServer = connection.Server.GetStream();
        while (await fromServer.ReadAsync(buffer, _stopping.Token) is var read and > 0)
        {
            if (!connection.Muted)
            {
                await toClient.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
            }
        }
    }

    private sealed record Armed(Cut Cut, byte[] After);

    private sealed class Connection(TcpClient client, TcpClient server)
    {
        public TcpClient Client { get; } = client;

        public TcpClient Server { get; } = server;

        /// <summary>Sent the armed statement: its next COMMIT is cut.</summary>
        public bool Marked { get; set; }

        private volatile bool _muted;

        /// <summary>The server's answers are dropped from now on.</summary>
        public bool Muted
        {
            get => _muted;
            set => _muted = value;
        }
    }
}
