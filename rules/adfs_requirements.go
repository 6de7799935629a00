package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// adfsRequirements reports federated sign-in without what it needs:
// directory synchronization, a public-CA certificate for the federation
// service, AD FS on Windows Server 2012 R2 or later.
type adfsRequirements struct{}

func init() { register(adfsRequirements{}) }

func (adfsRequirements) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "adfs-requirements",
		Severity: lint.Error,
		Summary:  "federated sign-in without directory sync, without a public-CA certificate, or with AD FS on an OS below Windows Server 2012 R2",
		Sources:  sources("MS-HYB-CERT", "MS-HYB-SSO", "MS-ENTRA", "MS-ADFS-REQ"),
	}
}

func (adfsRequirements) Check(p *lint.Pass) {
	t := p.Topology
	ds := t.DirectorySync
	checkADFSDirectorySync(p, t, ds)
	minOS := p.Catalog.PlatformID(adfsMinOS)
	for _, a := range t.ADFS {
		checkADFSCertificate(p, a)
		if a.OS == nil {
			p.Unknown(&a.Block, "os")
		}
		if os, ok := a.OS.Get(); ok {
			if below, known := p.Catalog.WindowsBelow(os, minOS); known && below {
				p.Report(a.OS, fmt.Sprintf("AD FS farm %s runs %s, below %s, the minimum for federated sign-in with Microsoft Entra ID: %s",
					a.Name(), p.Catalog.WindowsName(os), p.Catalog.WindowsName(minOS), adfsMove(p, p.Catalog.WindowsByID(os))))
			}
		}
	}
}

// checkADFSDirectorySync: federated sign-in (sign_in = "federation", or an
// AD FS farm when the sign-in method is not stated) needs the users
// synchronized from Active Directory.
func checkADFSDirectorySync(p *lint.Pass, t *schema.Topology, ds *schema.DirectorySync) {
	var how string
	switch {
	case ds != nil && ds.SignIn.Is("federation"):
		how = `sign-in is federated (sign_in = "federation")`
	case len(t.ADFS) > 0 && (ds == nil || ds.SignIn == nil):
		how = fmt.Sprintf("the AD FS farm %s provides federated sign-in", t.ADFS[0].Name())
	default:
		return
	}
	// Federated sign-in works only for users directory synchronization has
	// synchronized from Active Directory (the page says more).
	if ds != nil && ds.Enabled == nil {
		p.Unknown(&ds.Block, "enabled")
	}
	switch {
	case ds == nil:
		p.Report(t.ADFS[0], fmt.Sprintf("%s, but the topology has no directory synchronization, which federated users need: "+
			"set up Microsoft Entra Connect (a directory_sync block) before federating the domains", how))
	case ds.Enabled.IsFalse():
		p.Report(ds.Enabled, fmt.Sprintf("%s, but directory synchronization is turned off, which federated users need: "+
			"turn it on, or move the users to password hash synchronization first", how))
	}
}

// checkADFSCertificate: the federation service needs a certificate from a
// trusted third-party CA (MS-HYB-CERT; MS-ADFS-REQ: "publicly trusted").
func checkADFSCertificate(p *lint.Pass, a *schema.ADFS) {
	if a.Certificate == nil {
		p.Unknown(&a.Block, "certificate")
	}
	if !a.Certificate.Resolved() {
		return
	}
	c := a.Certificate.Target
	issuer, ok := c.Issuer.Get()
	if !ok {
		p.UnknownFor(a, &c.Block, "issuer")
	}
	if !ok || issuer == "public_ca" {
		return
	}
	kind := map[string]string{"enterprise_ca": "issued by an internal CA", "self_signed": "self-signed"}[issuer]
	if kind == "" {
		return
	}
	p.Report(a.Certificate, fmt.Sprintf("AD FS farm %s uses certificate %s, which is %s, and federated sign-in needs a publicly trusted one: "+
		"replace it with a public CA certificate for the federation service name", a.Name(), c.Name(), kind),
		lint.Related{Range: c.Issuer.SourceRange(), Message: fmt.Sprintf("certificate %s is %s", c.Name(), kind)})
}
