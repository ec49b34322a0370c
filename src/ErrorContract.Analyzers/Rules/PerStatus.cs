using System;
using System.Collections.Concurrent;
using System.Threading;

namespace ErrorContract.Analyzers.Rules
{
    /// <summary>
    /// What a rule says about one HTTP status (its message arguments, its properties), made on the first site of that status
    /// and shared by every later one. The statuses 0–599 are slots of an array, read without a lock or a hash on every
    /// reported site; another value (a status no HTTP response has) falls back to a dictionary.
    /// </summary>
    /// <remarks>Two threads may make the same value at once: the first one stored is kept, so every caller shares it.</remarks>
    internal sealed class PerStatus<T>
        where T : class
    {
        private const int Slots = 600;

        private readonly Func<int, T> create;
        private readonly T?[] slots = new T?[Slots];
        private readonly ConcurrentDictionary<int, T> others = new ConcurrentDictionary<int, T>();

        public PerStatus(Func<int, T> create)
        {
            this.create = create;
        }

        public T Get(int status)
        {
            if (status < 0 || status >= Slots)
            {
                return others.GetOrAdd(status, create);
            }

            var value = Volatile.Read(ref slots[status]);
            if (value != null)
            {
                return value;
            }

            value = create(status);
            return Interlocked.CompareExchange(ref slots[status], value, null) ?? value;
        }
    }
}
