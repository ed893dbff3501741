using System.CommandLine;

namespace ImageQuality.Cli.Commands;

/// <summary>
/// The options that name the service's data of the offline verbs (<c>iq import</c>, <c>iq reanalyze</c>): the same
/// settings as <c>iq serve</c>, so that they reach the database a running service uses.
/// </summary>
internal sealed class ServiceDatabaseOptions
{
    public Option<string?> DataDir { get; } = new("--data-dir") { Description = "The service's data folder (default data/; Storage:DataDirectory)." };

    public Option<string?> Database { get; } = new("--db") { Description = "Index database: \"Data Source=file.db\" (SQLite, default <data-dir>/index.db) or a PostgreSQL connection string (Service:Database)." };

    public Option<string?> Config { get; } = new("--config") { Description = "A JSON settings file, as for iq serve." };

    public void AddTo(Command command)
    {
        command.Options.Add(DataDir);
        command.Options.Add(Database);
        command.Options.Add(Config);
    }
}
