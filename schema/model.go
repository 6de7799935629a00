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
// The same tags generate the language summary that docs/language.md is tested
// against, so a new attribute cannot ship undocumented.

// Organization is the Exchange organization (one Active Directory forest).
type Organization struct {
	Block
	ForestFunctionalLevel *String `exl:"forest_functional_level,enum=ffl"`
	SplitPermissions      *Bool   `exl:"split_permissions"`
	// NativeMode is whether an organization with Exchange 2000 or 2003 runs
	// in native mode (no Exchange 5.5 servers can join); Exchange 2007 and
	// 2010 need it.
	NativeMode *Bool `exl:"native_mode"`
}

// Site is an Active Directory site.
type Site struct {
	Block
}

// DomainController is an Active Directory domain controller.
type DomainController struct {
	Block
	Site          *Ref[*Site] `exl:"site,ref=site"`
	OS            *String     `exl:"os,enum=windows"`
	GlobalCatalog *Bool       `exl:"global_catalog"`
	ReadOnly      *Bool       `exl:"read_only"`
}

// Server is an Exchange server.
type Server struct {
	Block
	Site               *Ref[*Site] `exl:"site,ref=site"`
	Version            *String     `exl:"version,required,enum=exchange_version"`
	Update             *String     `exl:"update"`
	Build              *String     `exl:"build,format=build"`
	Roles              *StringList `exl:"roles,enum=role"`
	OS                 *String     `exl:"os,enum=windows"`
	Core               *Bool       `exl:"core"`
	DotNet             *String     `exl:"dotnet,enum=dotnet"`
	Network            *String     `exl:"network,enum=network"`
	TLS                *StringList `exl:"tls,enum=tls"`
	OnDomainController *Bool       `exl:"on_domain_controller"`
	// EdgeSync and EdgeSyncSite describe an Edge Transport server's Edge
	// subscription: whether it has one, and the Active Directory site it is
	// subscribed to (whose Hub Transport or Mailbox servers synchronize it).
	EdgeSync     *Bool       `exl:"edge_sync"`
	EdgeSyncSite *Ref[*Site] `exl:"edge_sync_site,ref=site"`
}

// DAG is a database availability group.
type DAG struct {
	Block
	Members *RefList[*Server] `exl:"members,ref=server"`
	Witness *String           `exl:"witness"`
}

// Domain is an accepted (SMTP) domain.
type Domain struct {
	Block
	Accepted     *String `exl:"accepted,enum=accepted_domain"`
	Verified     *Bool   `exl:"verified"`
	MX           *String `exl:"mx,enum=mx_target"`
	Autodiscover *String `exl:"autodiscover,enum=autodiscover_target"`
}

// Certificate is an X.509 certificate bound to Exchange services.
type Certificate struct {
	Block
	Issuer   *String           `exl:"issuer,enum=issuer"`
	Subject  *String           `exl:"subject"`
	Names    *StringList       `exl:"names"`
	Expires  *String           `exl:"expires,format=date"`
	Servers  *RefList[*Server] `exl:"servers,ref=server"`
	Services *StringList       `exl:"services,enum=certificate_service"`
	// IssuerName is the issuing certification authority as its certificate
	// names it: hybrid mail needs the same issuer and subject on every
	// transport server.
	IssuerName *String `exl:"issuer_name"`
}

// Namespace is a published client-access host name.
type Namespace struct {
	Block
	Services    *StringList        `exl:"services,enum=client_service"`
	Certificate *Ref[*Certificate] `exl:"certificate,ref=certificate"`
	Port        *Int               `exl:"port,min=1,max=65535"`
}

// Connector is a send or receive connector; its first label is the direction.
type Connector struct {
	Block
	Servers           *RefList[*Server]  `exl:"servers,ref=server"`
	AddressSpaces     *StringList        `exl:"address_spaces"`
	SmartHosts        *StringList        `exl:"smart_hosts"`
	TLSCertificate    *Ref[*Certificate] `exl:"tls_certificate,ref=certificate"`
	TLSAuth           *String            `exl:"tls_auth,enum=tls_auth"`
	TLSDomain         *String            `exl:"tls_domain"`
	CloudServicesMail *Bool              `exl:"cloud_services_mail"`
}

// Direction is "send" or "receive".
func (c *Connector) Direction() string { return c.Labels[0] }

// Tenant is a Microsoft 365 tenant.
type Tenant struct {
	Block
	Plan *String `exl:"plan,enum=tenant_plan"`
}

// DirectorySync is directory synchronization to Microsoft Entra ID.
type DirectorySync struct {
	Block
	Enabled                 *Bool   `exl:"enabled"`
	Tool                    *String `exl:"tool,enum=dirsync_tool"`
	HostOS                  *String `exl:"host_os,enum=windows"`
	SignIn                  *String `exl:"sign_in,enum=sign_in"`
	ExchangeHybridWriteback *Bool   `exl:"exchange_hybrid_writeback"`
}

// ADFS is an AD FS farm used for federated sign-in.
type ADFS struct {
	Block
	OS          *String            `exl:"os,enum=windows"`
	Certificate *Ref[*Certificate] `exl:"certificate,ref=certificate"`
}

// Hybrid is the hybrid deployment with Exchange Online.
type Hybrid struct {
	Block
	Topology                 *String            `exl:"topology,enum=hybrid_topology"`
	Servers                  *RefList[*Server]  `exl:"servers,ref=server"`
	EdgeServers              *RefList[*Server]  `exl:"edge_servers,ref=server"`
	Domains                  *RefList[*Domain]  `exl:"domains,ref=domain"`
	Tenants                  *RefList[*Tenant]  `exl:"tenants,ref=tenant"`
	Certificate              *Ref[*Certificate] `exl:"certificate,ref=certificate"`
	FederationTrust          *Bool              `exl:"federation_trust"`
	OrganizationRelationship *Bool              `exl:"organization_relationship"`
	OAuth                    *Bool              `exl:"oauth"`
	ModernAuth               *Bool              `exl:"modern_auth"`
	DedicatedApp             *Bool              `exl:"dedicated_app"`
	InboundPorts             *IntList           `exl:"inbound_ports,min=1,max=65535"`
	OutboundPorts            *IntList           `exl:"outbound_ports,min=1,max=65535"`
	// Features are the cross-premises features the deployment relies on: the
	// Hybrid Configuration Wizard's features (Set-HybridConfiguration
	// -Features) and cross-premises multi-mailbox search.
	Features *StringList `exl:"features,enum=hybrid_feature"`
	// ExchangeOrganizations counts the on-premises Exchange organizations
	// (forests) in hybrid with the same tenant, this one included.
	ExchangeOrganizations *Int `exl:"exchange_organizations,min=1,max=1000"`
	// MigrationEndpoints counts the migration endpoints Exchange Online uses
	// to move mailboxes to and from this organization.
	MigrationEndpoints *Int `exl:"migration_endpoints,min=0,max=1000"`
}

// Migration is the planned mailbox migration to Exchange Online.
type Migration struct {
	Block
	Method    *String `exl:"method,enum=migration_method"`
	Mailboxes *Int    `exl:"mailboxes,min=0,max=100000000"`
	// Timeframe is how quickly the organization wants to migrate, the
	// question of Microsoft's migration-path table: "fast" (over a weekend
	// or a few days) or "slow" (a few users at a time).
	Timeframe *String `exl:"timeframe,enum=migration_timeframe"`
}

// OutlookAnywhere is Outlook Anywhere (RPC over HTTP) on the source organization.
type OutlookAnywhere struct {
	Block
	Enabled      *Bool              `exl:"enabled"`
	ExternalHost *String            `exl:"external_host"`
	Port         *Int               `exl:"port,min=1,max=65535"`
	Certificate  *Ref[*Certificate] `exl:"certificate,ref=certificate"`
	// RPCPorts are the TCP ports open on the Exchange 2003 side for RPC over
	// HTTP (a cutover from Exchange 2003 needs 6001, 6002 and 6004).
	RPCPorts *IntList `exl:"rpc_ports,min=1,max=65535"`
}

// Clients lists the client software in use.
type Clients struct {
	Block
	Outlook *StringList `exl:"outlook,enum=outlook"`
}

// File is one source file of a topology.
type File struct {
	Name string // as displayed: the path the user's argument led to
	Src  []byte
	JSON bool
	// Size is the file's size on disk when known (0 otherwise): a file
	// larger than the limit is read only up to the limit and one byte.
	Size int64
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
