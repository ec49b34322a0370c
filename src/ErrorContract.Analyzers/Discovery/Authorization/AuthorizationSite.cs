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
    }

    /// <summary>
    /// The written form of a site, as far as a rewrite is concerned: what a code fix can rely on. <see cref="Other"/>
    /// for every form no rewrite handles. The rule decides which rewrite, if any, a form allows.
    /// </summary>
    internal enum AuthorizationSiteSyntax
    {
        /// <summary>No form a rewrite handles.</summary>
        Other,

        /// <summary><c>new AuthenticationHeaderValue("Bearer", key)</c>: exactly the constant <c>Bearer</c> and the key, as two written arguments.</summary>
        BearerSchemeArgument,

        /// <summary><c>"Bearer " + key</c> with a string key, or an interpolation whose text starts with <c>Bearer </c>: a prefix that can be dropped.</summary>
        BearerPrefix,

        /// <summary><c>header.Substring("Bearer ".Length)</c> or <c>header.Replace("Bearer ", "")</c>, called on the header as a member access.</summary>
        PrefixStrippingCall,

        /// <summary><c>new AuthenticationHeaderValue(key)</c>: a string key as the one written argument.</summary>
        KeyArgument,

        /// <summary>A string expression (not <c>StringValues</c>) holding the key.</summary>
        KeyExpression,
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
    }

    /// <summary>One place where code sends, expects, announces or reads an Authorization value.</summary>
    internal readonly struct AuthorizationSite
    {
        public AuthorizationSite(AuthorizationSiteKind kind, Location location, AuthorizationSiteSyntax syntax)
        {
            Kind = kind;
            Location = location;
            Syntax = syntax;
        }

        public AuthorizationSiteKind Kind { get; }

        /// <summary>The exact span of the operand; a fix rewrites the node at this span.</summary>
        public Location Location { get; }

        /// <summary>The written form of the operand, for the rewrite a fix may apply.</summary>
        public AuthorizationSiteSyntax Syntax { get; }
    }
}
