using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KxHome.Workflows.Tests.Support;

/// <summary>Keeps the warnings and errors a host or engine logs, for tests that assert what an operator would read.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

    public IReadOnlyCollection<(LogLevel Level, string Text)> Lines => _lines;

    public IEnumerable<string> Warnings => _lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Text);

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose() { }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) lines.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
