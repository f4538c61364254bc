using KxHome.Host.Identity;
using KxHome.Workflows.Persistence;
using Microsoft.Data.Sqlite;

namespace KxHome.Host.Hosting;

/// <summary>
/// Where the repository-level files live: <c>appsettings.json</c> and <c>workflows/</c> sit at the root of the
/// repository (or beside the binaries when published). Found by walking up from the binaries and the working directory.
/// </summary>
public sealed class ContentLayout(string root)
{
    /// <summary>The folder holding appsettings.json and workflows/.</summary>
    public string Root { get; } = root;

    /// <summary>The folder of the BPMN files deployed at start-up.</summary>
    public string WorkflowsFolder => Path.Combine(Root, "workflows");

    /// <summary>Finds the root; falls back to the working directory.</summary>
    public static ContentLayout Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(dir.FullName, "workflows")))
                {
                    return new ContentLayout(dir.FullName);
                }
            }
        }
        return new ContentLayout(Directory.GetCurrentDirectory());
    }

    /// <summary>Adds the root settings files beneath every other source, so environment and command line still win.</summary>
    public void AddRootSettings(ConfigurationManager configuration, string environment)
    {
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var files = new[] { "appsettings.json", $"appsettings.{environment}.json" };
        for (var i = files.Length - 1; i >= 0; i--)
        {
            var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = Path.Combine(Root, files[i]), Optional = true, ReloadOnChange = false,
            };
            source.ResolveFileProvider();
            sources.Insert(0, source);
        }
    }

    /// <summary>Relative paths (the SQLite file, the calendar folder) are taken from the root, whatever the working directory.</summary>
    public void AnchorPaths(ConfigurationManager configuration)
    {
        const string calendarKey = "Workflows:CalendarFolder";
        var calendar = configuration[calendarKey] ?? "workflows/calendars";
        if (!Path.IsPathRooted(calendar)) configuration[calendarKey] = Path.Combine(Root, calendar);

        AnchorFolder(configuration, "Forms:Folder", "workflows/forms");
        AnchorFolder(configuration, "Mail:OutboxFolder", "data/outbox");
        AnchorFolder(configuration, "Attachments:Folder", "data/attachments");
        AnchorFolder(configuration, "DataProtection:KeysFolder", "data/keys");
        if (AppDatabase.Provider(configuration) == DatabaseProvider.Sqlite)
        {
            AnchorSqlite(configuration, "Workflows:ConnectionString", "Data Source=data/kxhome.db");
        }
        AnchorSqlite(configuration, "Workflows:SchedulerConnectionString", "Data Source=data/kxhome-scheduler.db");
    }

    private void AnchorFolder(ConfigurationManager configuration, string key, string fallback)
    {
        var folder = configuration[key] is { Length: > 0 } given ? given : fallback;
        configuration[key] = Path.IsPathRooted(folder) ? folder : Path.Combine(Root, folder);
    }

    private void AnchorSqlite(ConfigurationManager configuration, string key, string fallback)
    {
        var builder = new SqliteConnectionStringBuilder(configuration[key] is { Length: > 0 } given ? given : fallback);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.Combine(Root, file);
            configuration[key] = builder.ToString();
        }
    }
}
