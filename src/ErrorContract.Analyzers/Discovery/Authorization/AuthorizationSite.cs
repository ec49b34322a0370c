using System;
using Microsoft.CodeAnalysis;

namespace ErrorContract.Analyzers.Discovery
{
    /// <summary>What a piece of code does with the Authorization header: a fact, whatever the contract documents.</summary>
    internal enum AuthorizationSiteKind
    {
        /// <summary>Sends the key with the Bearer scheme (client side).</summary>
        SendsBearer,

        /// <summary>Parses the incoming header expecting the Bearer scheme: checks or strips a "Bearer " prefix, compares the scheme (server side).</summary>
        ExpectsBearer,

        /// <summary>Announces the Bearer scheme in a <c>WWW-Authenticate</c> challenge.</summary>
        AnnouncesBearer,

        /// <summary>Sends the bare key, without the Bearer scheme.</summary>
        SendsBareKey,

        /// <summary>
        /// Uses the whole incoming header value as the key (compares it with a key, looks it up, passes it for a key parameter
        /// of the project's own method), its scheme neither checked nor stripped on the way.
        /// </summary>
        ReadsWholeHeader,

        /// <summary>Sends the key with a scheme word other than Bearer (<c>Basic</c>, <c>Token</c>); <see cref="AuthorizationSite.Word"/> is the word.</summary>
        SendsOtherScheme,

        /// <summary>
        /// Writes a value to a request header other than the documented one: a header the contract names under <c>never</c>,
        /// or any header when the value is a key constant (starts with the documented prefix); <see cref="AuthorizationSite.Word"/> is the header.
        /// </summary>
        SendsKeyInHeader,

        /// <summary>Uses the value of another header than the documented one as the key (compared, looked up, passed for a key parameter); <see cref="AuthorizationSite.Word"/> is the header.</summary>
        ReadsKeyFromHeader,

        /// <summary>Puts a key in a query string (<c>?api_key={key}</c>, <c>QueryHelpers.AddQueryString(uri, "api_key", key)</c>); <see cref="AuthorizationSite.Word"/> is the parameter.</summary>
        SendsKeyInQuery,

        /// <summary>Uses a query string value as the key (<c>Request.Query["api_key"]</c> compared or looked up); <see cref="AuthorizationSite.Word"/> is the parameter.</summary>
        ReadsKeyFromQuery,

        /// <summary>A key constant sent in, or compared with, the documented header; <see cref="AuthorizationSite.Word"/> is the key's text (the rule checks its prefix).</summary>
        KeyConstant,
    }

    /// <summary>
    /// The written form of a site, as far as a rewrite is concerned: what a code fix can rely on. <see cref="Other"/>
    /// for every form no rewrite handles. The rule decides which rewrite, if any, a form allows.
    /// </summary>
    internal enum AuthorizationSiteSyntax
    {
        /// <summary>No form a rewrite handles.</summary>
        Other,

        /// <summary><c>new AuthenticationHeaderValue("Bearer", key)</c>: exactly a constant scheme word (<c>Bearer</c>, <c>Basic</c>) and the key, as two written arguments.</summary>
        SchemeArgument,

        /// <summary><c>"Bearer " + key</c> with a string key, or an interpolation whose text starts with <c>Bearer </c> (or another scheme word): a prefix that can be dropped or reworded.</summary>
        SchemePrefix,

        /// <summary><c>header.Substring("Bearer ".Length)</c> or <c>header.Replace("Bearer ", "")</c>, called on the header as a member access.</summary>
        PrefixStrippingCall,

        /// <summary><c>new AuthenticationHeaderValue(key)</c>: a string key as the one written argument.</summary>
        KeyArgument,

        /// <summary>A string expression (not <c>StringValues</c>) holding the key.</summary>
        KeyExpression,

        /// <summary><c>headers.Add("Authorization", value)</c>, <c>headers["Authorization"] = value</c>: the header's name is a string literal that a rename can rewrite.</summary>
        HeaderNameLiteral,
    }

    /// <summary>Which facts a discovery looks for; a rule asks only for those its contract makes relevant.</summary>
    [Flags]
    internal enum AuthorizationQuery
    {
        None = 0,

        /// <summary>Uses of the Bearer scheme: <see cref="AuthorizationSiteKind.SendsBearer"/>, <see cref="AuthorizationSiteKind.ExpectsBearer"/>, <see cref="AuthorizationSiteKind.AnnouncesBearer"/>.</summary>
        BearerUses = 1,

        /// <summary>Uses of the key without the scheme: <see cref="AuthorizationSiteKind.SendsBareKey"/>, <see cref="AuthorizationSiteKind.ReadsWholeHeader"/>.</summary>
        BareKeyUses = 2,

        /// <summary>Sends with another scheme word: <see cref="AuthorizationSiteKind.SendsOtherScheme"/>.</summary>
        OtherSchemeSends = 4,

        /// <summary>The key in the headers listed under <c>never</c>: <see cref="AuthorizationSiteKind.SendsKeyInHeader"/>, <see cref="AuthorizationSiteKind.ReadsKeyFromHeader"/>.</summary>
        ForbiddenHeaders = 8,

        /// <summary>The key in the query string: <see cref="AuthorizationSiteKind.SendsKeyInQuery"/>, <see cref="AuthorizationSiteKind.ReadsKeyFromQuery"/>.</summary>
        Query = 16,

        /// <summary>Key constants: <see cref="AuthorizationSiteKind.KeyConstant"/>, and <see cref="AuthorizationSiteKind.SendsKeyInHeader"/> for a key constant sent in any other header.</summary>
        KeyConstants = 32,
    }

    /// <summary>One place where code sends, expects, announces or reads an Authorization value.</summary>
    internal readonly struct AuthorizationSite
    {
        public AuthorizationSite(AuthorizationSiteKind kind, Location location, AuthorizationSiteSyntax syntax, string? word = null)
        {
            Kind = kind;
            Location = location;
            Syntax = syntax;
            Word = word;
        }

        public AuthorizationSiteKind Kind { get; }

        /// <summary>The exact span of the operand; a fix rewrites the node at this span.</summary>
        public Location Location { get; }

        /// <summary>The written form of the operand, for the rewrite a fix may apply.</summary>
        public AuthorizationSiteSyntax Syntax { get; }

        /// <summary>The scheme word sent, the header or query parameter named, or the key constant, for the kinds that have one.</summary>
        public string? Word { get; }
    }
}
