using System;
using System.Collections.Generic;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>
    /// A scratch list of response sites for one analyzer callback, used again by the next callback on the same thread:
    /// the analyzer looks at every call, object creation, assignment and lambda of a project, and most have no site.
    /// Nothing outlives the callback: the list is emptied when it is given back, and a callback that throws simply
    /// leaves the next one to make a new list.
    /// </summary>
    internal static class ResponseSiteList
    {
        private const int MaxKeptCapacity = 16;

        [ThreadStatic]
        private static List<ResponseSite>? free;

        public static List<ResponseSite> Rent()
        {
            var list = free ?? new List<ResponseSite>();
            free = null;
            return list;
        }

        public static void Return(List<ResponseSite> list)
        {
            list.Clear();
            if (list.Capacity <= MaxKeptCapacity)
            {
                free = list;
            }
        }
    }
}
