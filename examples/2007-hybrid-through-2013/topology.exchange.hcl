# Fabrikam runs Exchange 2007 and is moving its mailboxes to Exchange Online.
# Hybrid with Exchange 2007 needs an Exchange 2013 server (Client Access and
# Mailbox roles) to run the hybrid endpoints; the 2007 servers stay until the
# last mailbox has moved.

organization "Fabrikam" {
  forest_functional_level = "2008R2"
}

site "Main" {}

domain_controller "FAB-DC1" {
  site           = "Main"
  os             = "2012R2"
  global_catalog = true
}

server "FAB-EX07" {
  site    = "Main"
  version = "2007"
  update  = "SP3 RU9"
  roles   = ["mailbox", "client_access", "hub_transport"]
  os      = "2008R2"
}

server "FAB-EDGE07" {
  site    = "Main"
  version = "2007"
  update  = "SP3 RU23"
  roles   = ["edge_transport"]
  os      = "2008R2"
  network = "perimeter"
}

server "FAB-EX13" {
  site    = "Main"
  version = "2013"
  update  = "CU23"
  roles   = ["client_access", "mailbox"]
  os      = "2012R2"
  dotnet  = "4.8"
}

domain "fabrikam.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "on_premises"
  autodiscover = "on_premises"
}

certificate "fabrikam-hybrid" {
  issuer   = "public_ca"
  subject  = "mail.fabrikam.com"
  names    = ["mail.fabrikam.com", "autodiscover.fabrikam.com"]
  expires  = "2027-05-31"
  servers  = ["FAB-EX13"]
  services = ["iis", "smtp"]
}

tenant "fabrikam.onmicrosoft.com" {
  plan = "E3"
}

directory_sync {
  enabled                   = true
  tool                      = "entra_connect"
  host_os                   = "2019"
  sign_in                   = "password_hash_sync"
  exchange_hybrid_writeback = true
}

hybrid {
  topology       = "classic_full"
  servers        = ["FAB-EX13"]
  domains        = ["fabrikam.com"]
  tenants        = ["fabrikam.onmicrosoft.com"]
  certificate    = "fabrikam-hybrid"
  inbound_ports  = [25, 443]
  outbound_ports = [25, 443, 80]
}

migration {
  method    = "hybrid"
  mailboxes = 480
}

clients {
  outlook = ["2010 SP2", "2016"]
}
