using System;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis;
var path = "/usr/share/dotnet/packs/Microsoft.AspNetCore.App.Ref/10.0.12/analyzers/dotnet/cs/Microsoft.AspNetCore.App.Analyzers.dll";
var asm = Assembly.LoadFrom(path);
foreach (var r in asm.GetReferencedAssemblies()) Console.WriteLine(r);
var refr = new AnalyzerFileReference(path, new Loader());
refr.AnalyzerLoadFailed += (s, e) => Console.WriteLine("FAIL " + e.Message + " " + e.Exception);
var a = refr.GetAnalyzers(LanguageNames.CSharp);
Console.WriteLine(a.Length);
foreach (var x in a) Console.WriteLine(x.GetType().Name);
class Loader : IAnalyzerAssemblyLoader { public void AddDependencyLocation(string p){} public Assembly LoadFromPath(string p)=>Assembly.LoadFrom(p);}
