package schema

// The typed model of a topology. Each block type is a struct embedding Block;
// its attributes are pointer fields, nil when the attribute is absent (absent
// means unknown: a rule that needs the value stays silent).
//
// The `exl` tag drives decoding: the attribute name, then options:
//   required      the attribute must be present
//   enum=SET      a keyword (or list of keywords) from the named set (see keywords.go)
//   ref=TYPE      names a block of that type (Ref / RefList fields)
//   format=F      a string in a fixed format: build, date
//   min=N, max=N  bounds of a whole number
// The `doc` tag describes the attribute in a phrase: it is the Meaning column
// of the attribute's row in docs/language.md (code spans aside) and its
// description in the JSON Schema (exlint schema). Tests hold docs/language.md
// to these tags, so a new attribute cannot ship undocumented.

// Organization is the Exchange organization (one Active Directory forest).
type Organization struct {
	Block
	ForestFunctionalLevel *String `exl:"forest_functional_level,enum=ffl" doc:"the forest functional level of the Active Directory forest"`
	SplitPermissions      *Bool   `exl:"split_permissions" doc:"whether Active Directory split permissions are configured"`
	// NativeMode is whether an organization with Exchange 2000 or 2003 runs
	// in native mode (no Exchange 5.5 servers can join); Exchange 2007 and
	// 2010 need it.
	NativeMode *Bool `exl:"native_mode" doc:"whether the Exchange organization runs in native mode (Exchange 2000 and 2003 organizations start in mixed mode, which allows Exchange 5.5 servers; Exchange 2007 and 2010 need native mode)"`
	// PublicFolders is where the organization's public folders are, which
	// decides whether a plan may move them or remove the last server.
	PublicFolders *String `exl:"public_folders,enum=public_folder_location" doc:"where the organization's public folders are: on its Exchange servers, in Exchange Online, or nowhere (it has none)"`
}

// Site is an Active Directory site.
type Site struct {
	Block
}

// DomainController is an Active Directory domain controller.
type DomainController struct {
	Block
	Site          *Ref[*Site] `exl:"site,ref=site" doc:"the site it is in"`
	OS            *String     `exl:"os,enum=windows" doc:"its operating system"`
	GlobalCatalog *Bool       `exl:"global_catalog" doc:"whether it is a global catalog server"`
	ReadOnly      *Bool       `exl:"read_only" doc:"whether it is a read-only domain controller"`
}

// Server is an Exchange server.
type Server struct {
	Block
	Site               *Ref[*Site] `exl:"site,ref=site" doc:"the Active Directory site it is in"`
	Version            *String     `exl:"version,required,enum=exchange_version" doc:"the Exchange version"`
	Update             *String     `exl:"update" doc:"its update level; update or build is required"`
	Build              *String     `exl:"build,format=build" doc:"its exact build, short or long form (\"15.02.1748.024\")"`
	Roles              *StringList `exl:"roles,enum=role" doc:"the server roles installed"`
	OS                 *String     `exl:"os,enum=windows" doc:"its operating system"`
	Core               *Bool       `exl:"core" doc:"whether Windows is a Server Core installation"`
	DotNet             *String     `exl:"dotnet,enum=dotnet" doc:"the .NET Framework installed"`
	Network            *String     `exl:"network,enum=network" doc:"where it sits: the internal network or a perimeter network (DMZ)"`
	TLS                *StringList `exl:"tls,enum=tls" doc:"the TLS versions enabled"`
	OnDomainController *Bool       `exl:"on_domain_controller" doc:"whether Exchange is installed on a domain controller"`
	// EdgeSync and EdgeSyncSite describe an Edge Transport server's Edge
	// subscription: whether it has one, and the Active Directory site it is
	// subscribed to (whose Hub Transport or Mailbox servers synchronize it).
	EdgeSync     *Bool       `exl:"edge_sync" doc:"for an Edge Transport server: whether it has an Edge subscription (EdgeSync)"`
	EdgeSyncSite *Ref[*Site] `exl:"edge_sync_site,ref=site" doc:"for an Edge Transport server: the Active Directory site it is subscribed to, whose Hub Transport (2007, 2010) or Mailbox (2013 and later) servers synchronize it"`
	// Mailboxes, Databases and PublicFolders say what the server still
	// hosts, which decides whether a plan may remove it: mailboxes of any
	// kind (user, shared, arbitration, public folder), mailbox databases,
	// and public folders (public folder mailboxes, or a public folder
	// database before Exchange 2013).
	Mailboxes     *Int  `exl:"mailboxes,min=0,max=100000000" doc:"how many mailboxes it still hosts, of any kind: user, shared, arbitration and public folder mailboxes (0: none)"`
	Databases     *Int  `exl:"databases,min=0,max=1000" doc:"how many mailbox databases it still hosts (0: none)"`
	PublicFolders *Bool `exl:"public_folders" doc:"whether it hosts public folders: public folder mailboxes (2013 and later) or a public folder database (2007, 2010)"`
	// ShutDown marks a server kept in the organization but no longer
	// running: Microsoft's way to end a hybrid organization that keeps
	// directory synchronization (the last server is not uninstalled).
	ShutDown *Bool `exl:"shut_down" doc:"whether it is shut down but kept, not uninstalled: Active Directory still holds it, and it runs nothing"`
}

// DAG is a database availability group.
type DAG struct {
	Block
	Members *RefList[*Server] `exl:"members,ref=server" doc:"the member servers"`
	Witness *String           `exl:"witness" doc:"the file share witness server"`
}

// Domain is an accepted (SMTP) domain.
type Domain struct {
	Block
	Accepted     *String `exl:"accepted,enum=accepted_domain" doc:"the accepted-domain type"`
	Verified     *Bool   `exl:"verified" doc:"whether the domain is verified in the Microsoft 365 tenant"`
	MX           *String `exl:"mx,enum=mx_target" doc:"where the public MX record points"`
	Autodiscover *String `exl:"autodiscover,enum=autodiscover_target" doc:"where the public Autodiscover record points"`
	// Mailboxes and MXHosts serve the mail flow rules: where the domain's
	// mailboxes are decides where its MX may point, and the MX hosts tell
	// Exchange Online Protection from other targets.
	Mailboxes *String     `exl:"mailboxes,enum=mailbox_location" doc:"where the mailboxes with addresses in the domain are: on premises, in Exchange Online, or both (during a hybrid migration)"`
	MXHosts   *StringList `exl:"mx_hosts" doc:"the host names its public MX records name (\"contoso-com.mail.protection.outlook.com\")"`
}

// Certificate is an X.509 certificate bound to Exchange services.
type Certificate struct {
	Block
	Issuer   *String           `exl:"issuer,enum=issuer" doc:"who issued it: a public certification authority, an internal one, or nobody"`
	Subject  *String           `exl:"subject" doc:"the subject name"`
	Names    *StringList       `exl:"names" doc:"the subject alternative names"`
	Expires  *String           `exl:"expires,format=date" doc:"the day it expires"`
	Servers  *RefList[*Server] `exl:"servers,ref=server" doc:"the servers it is installed on"`
	Services *StringList       `exl:"services,enum=certificate_service" doc:"the Exchange services it is bound to"`
	// IssuerName is the issuing certification authority as its certificate
	// names it: hybrid mail needs the same issuer and subject on every
	// transport server.
	IssuerName *String `exl:"issuer_name" doc:"the issuing certification authority, as the certificate's Issuer field names it (\"DigiCert Global G2 TLS RSA SHA256 2020 CA1\")"`
}

// Namespace is a published client-access host name.
type Namespace struct {
	Block
	Services    *StringList        `exl:"services,enum=client_service" doc:"the services published under it"`
	Certificate *Ref[*Certificate] `exl:"certificate,ref=certificate" doc:"the certificate that serves it"`
	Port        *Int               `exl:"port,min=1,max=65535" doc:"the TCP port"`
	// Scope and Legacy serve the namespace rules: a certificate clients
	// outside do not trust breaks an external namespace, and an Exchange
	// 2003 or 2007 server beside a newer version needs a legacy namespace.
	Scope  *String `exl:"scope,enum=namespace_scope" doc:"who reaches it: clients inside the organization's network only (internal), or from the internet too (external)"`
	Legacy *Bool   `exl:"legacy" doc:"whether it is the legacy namespace (\"legacy.contoso.com\") that serves the Exchange 2003 or 2007 servers while a newer version coexists with them"`
}

// Connector is a send or receive connector; its first label is the direction.
type Connector struct {
	Block
	Servers           *RefList[*Server]  `exl:"servers,ref=server" doc:"the source (send) or receiving (receive) servers"`
	AddressSpaces     *StringList        `exl:"address_spaces" doc:"the address spaces it routes (send connectors only)"`
	SmartHosts        *StringList        `exl:"smart_hosts" doc:"the smart hosts it sends through (send connectors only)"`
	TLSCertificate    *Ref[*Certificate] `exl:"tls_certificate,ref=certificate" doc:"the certificate it presents for TLS"`
	TLSAuth           *String            `exl:"tls_auth,enum=tls_auth" doc:"its TLS authentication level (TlsAuthLevel; send connectors only)"`
	TLSDomain         *String            `exl:"tls_domain" doc:"the domain the peer's certificate must match (with domain_validation)"`
	CloudServicesMail *Bool              `exl:"cloud_services_mail" doc:"whether it carries hybrid mail with Exchange Online (CloudServicesMailEnabled)"`
	// RequireTLS is a send connector's RequireTLS: without it, Exchange
	// accepts no TlsAuthLevel, so the connector cannot validate its peer.
	RequireTLS *Bool `exl:"require_tls" doc:"whether it requires TLS for every message it sends (RequireTLS; send connectors only)"`
}

// Direction is "send" or "receive".
func (c *Connector) Direction() string { return c.Labels[0] }

// Tenant is a Microsoft 365 tenant.
type Tenant struct {
	Block
	Plan *String `exl:"plan,enum=tenant_plan" doc:"its Microsoft 365 plan"`
	// EOPFiltering and EnhancedFiltering serve mail-flow-mx: what the
	// organization expects of Exchange Online Protection, and how it sees
	// mail that a third-party service relays to it.
	EOPFiltering      *Bool `exl:"eop_filtering" doc:"whether the organization relies on Exchange Online Protection to filter spam and malware in the mail its domains receive from the internet"`
	EnhancedFiltering *Bool `exl:"enhanced_filtering" doc:"whether Enhanced Filtering for Connectors is on for the inbound connector from the third-party service that receives the domains' mail first (their MX)"`
}

// DirectorySync is directory synchronization to Microsoft Entra ID.
type DirectorySync struct {
	Block
	Enabled                 *Bool   `exl:"enabled" doc:"whether synchronization runs (false: set up, but turned off)"`
	Tool                    *String `exl:"tool,enum=dirsync_tool" doc:"the tool: DirSync, Azure AD Sync, Azure AD Connect, Microsoft Entra Connect, Entra Cloud Sync"`
	HostOS                  *String `exl:"host_os,enum=windows" doc:"the operating system of the synchronization server"`
	SignIn                  *String `exl:"sign_in,enum=sign_in" doc:"how users sign in to Microsoft 365"`
	ExchangeHybridWriteback *Bool   `exl:"exchange_hybrid_writeback" doc:"whether the \"Exchange hybrid deployment\" write-back option is on"`
}

// ADFS is an AD FS farm used for federated sign-in.
type ADFS struct {
	Block
	OS          *String            `exl:"os,enum=windows" doc:"the operating system of its servers"`
	Certificate *Ref[*Certificate] `exl:"certificate,ref=certificate" doc:"its service communication certificate"`
}

// Hybrid is the hybrid deployment with Exchange Online.
type Hybrid struct {
	Block
	Topology                 *String            `exl:"topology,enum=hybrid_topology" doc:"the Hybrid Configuration Wizard option: Classic (Exchange publishes endpoints) or Modern (Hybrid Agent), Full or Minimal, or Express"`
	Servers                  *RefList[*Server]  `exl:"servers,ref=server" doc:"the servers that run the hybrid endpoints and transport"`
	EdgeServers              *RefList[*Server]  `exl:"edge_servers,ref=server" doc:"the Edge Transport servers used for hybrid mail"`
	Domains                  *RefList[*Domain]  `exl:"domains,ref=domain" doc:"the domains in the hybrid deployment"`
	Tenants                  *RefList[*Tenant]  `exl:"tenants,ref=tenant" doc:"the tenants it connects to"`
	Certificate              *Ref[*Certificate] `exl:"certificate,ref=certificate" doc:"the certificate for hybrid mail and services"`
	FederationTrust          *Bool              `exl:"federation_trust" doc:"whether a federation trust with the Microsoft Federation Gateway is set up"`
	OrganizationRelationship *Bool              `exl:"organization_relationship" doc:"whether an organization relationship is set up"`
	OAuth                    *Bool              `exl:"oauth" doc:"whether OAuth between Exchange and Exchange Online is set up"`
	ModernAuth               *Bool              `exl:"modern_auth" doc:"whether hybrid modern authentication is on"`
	DedicatedApp             *Bool              `exl:"dedicated_app" doc:"whether the dedicated Exchange hybrid application (2025) is configured"`
	InboundPorts             *IntList           `exl:"inbound_ports,min=1,max=65535" doc:"TCP ports open from the internet to the hybrid servers"`
	OutboundPorts            *IntList           `exl:"outbound_ports,min=1,max=65535" doc:"TCP ports open from the hybrid servers to the internet"`
	// Features are the cross-premises features the deployment relies on: the
	// Hybrid Configuration Wizard's features (Set-HybridConfiguration
	// -Features) and cross-premises multi-mailbox search.
	Features *StringList `exl:"features,enum=hybrid_feature" doc:"the cross-premises features the deployment relies on: the Hybrid Configuration Wizard's features (Set-HybridConfiguration -Features: FreeBusy, MailTips, MessageTracking, OnlineArchive, OWARedirection, Photos, SecureMail, Centralized), and cross-premises multi-mailbox (eDiscovery) search, which has no feature switch"`
	// ExchangeOrganizations counts the on-premises Exchange organizations
	// (forests) in hybrid with the same tenant, this one included.
	ExchangeOrganizations *Int `exl:"exchange_organizations,min=1,max=1000" doc:"how many on-premises Exchange organizations (forests) are in hybrid with the same tenant, this one included"`
	// MigrationEndpoints counts the migration endpoints Exchange Online uses
	// to move mailboxes to and from this organization.
	MigrationEndpoints *Int `exl:"migration_endpoints,min=0,max=1000" doc:"how many migration endpoints Exchange Online uses to move mailboxes to and from this organization"`
}

// Migration is the planned mailbox migration to Exchange Online.
type Migration struct {
	Block
	Method    *String `exl:"method,enum=migration_method" doc:"the migration method"`
	Mailboxes *Int    `exl:"mailboxes,min=0,max=100000000" doc:"how many mailboxes move"`
	// Timeframe is how quickly the organization wants to migrate, the
	// question of Microsoft's migration-path table: "fast" (over a weekend
	// or a few days) or "slow" (a few users at a time).
	Timeframe *String `exl:"timeframe,enum=migration_timeframe" doc:"how quickly the organization wants to migrate, as Microsoft's migration-path table asks: \"fast\", over a weekend or a few days; \"slow\", a few users at a time"`
	// Complete is whether the migration is finished: every mailbox it moves
	// has moved.
	Complete *Bool `exl:"complete" doc:"whether the migration is finished: every mailbox it moves has moved"`
}

// OutlookAnywhere is Outlook Anywhere (RPC over HTTP) on the source organization.
type OutlookAnywhere struct {
	Block
	Enabled      *Bool              `exl:"enabled" doc:"whether it is enabled"`
	ExternalHost *String            `exl:"external_host" doc:"the external host name"`
	Port         *Int               `exl:"port,min=1,max=65535" doc:"the TCP port"`
	Certificate  *Ref[*Certificate] `exl:"certificate,ref=certificate" doc:"the certificate that serves it"`
	// RPCPorts are the TCP ports open on the Exchange 2003 side for RPC over
	// HTTP (a cutover from Exchange 2003 needs 6001, 6002 and 6004).
	RPCPorts *IntList `exl:"rpc_ports,min=1,max=65535" doc:"the TCP ports open on the Exchange 2003 side for RPC over HTTP (a migration from Exchange 2003 needs 6001, 6002 and 6004)"`
}

// Clients lists the client software in use.
type Clients struct {
	Block
	Outlook *StringList `exl:"outlook,enum=outlook" doc:"the Outlook for Windows versions in use"`
}

// ManagementTools are the Exchange Management Tools, installed on a computer
// that is not an Exchange server, with which an organization whose last
// Exchange server is shut down manages its recipients (MS-MGMT-TOOLS).
type ManagementTools struct {
	Block
	Version *String `exl:"version,required,enum=exchange_version" doc:"the Exchange version the tools come from"`
	Update  *String `exl:"update" doc:"their update level, as for a server (\"CU15\")"`
}

// File is one source file of a topology.
type File struct {
	Name string // as displayed: the path the user's argument led to
	Src  []byte
	JSON bool
	// Size is the file's size on disk when known (0 otherwise): a file
	// larger than the limit is read only up to the limit and one byte.
	Size int64
	// Stdin is set for the file exlint check - read from standard input.
	Stdin bool
}

// Topology is every topology file of one directory, merged.
type Topology struct {
	Dir   string
	Files []*File

	Organization      *Organization
	Sites             []*Site
	DomainControllers []*DomainController
	Servers           []*Server
	DAGs              []*DAG
	Domains           []*Domain
	Certificates      []*Certificate
	Namespaces        []*Namespace
	Connectors        []*Connector
	Tenants           []*Tenant
	DirectorySync     *DirectorySync
	ADFS              []*ADFS
	Hybrid            *Hybrid
	Migration         *Migration
	OutlookAnywhere   *OutlookAnywhere
	Clients           *Clients
	ManagementTools   *ManagementTools
}

// ServerByName returns the server with this label, or nil.
func (t *Topology) ServerByName(name string) *Server {
	for _, s := range t.Servers {
		if s.Name() == name {
			return s
		}
	}
	return nil
}
