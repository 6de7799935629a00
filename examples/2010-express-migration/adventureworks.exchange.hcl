# Adventure Works: 120 mailboxes on Exchange 2010, moving to Exchange Online
# with the express (minimal hybrid) option of the Hybrid Configuration Wizard
# over two weekends. The Exchange 2010 server was set up in 2012 and has
# not changed much since.

organization "AdventureWorks" {
  forest_functional_level = "2008R2"
}

site "Office" {}

domain_controller "AW-DC01" {
  site           = "Office"
  os             = "2012R2"
  global_catalog = true
}

server "AW-EX10" {
  site    = "Office"
  version = "2010"
  update  = "SP3 RU30"
  roles   = ["mailbox", "client_access"]
  os      = "2008R2"
  dotnet  = "3.5 SP1"
}

# Hub Transport was split off onto its own server when anti-spam was added.
server "AW-HUB10" {
  site    = "Office"
  version = "2010"
  update  = "SP3 RU30"
  roles   = ["hub_transport"]
  os      = "2008R2"
  dotnet  = "3.5 SP1"
}

domain "adventure-works.com" {
  accepted     = "authoritative"
  verified     = false
  mx           = "on_premises"
  autodiscover = "on_premises"
}

certificate "aw-ex10" {
  issuer   = "self_signed"
  subject  = "aw-ex10.adventure-works.local"
  names    = ["aw-ex10.adventure-works.local", "aw-ex10"]
  expires  = "2027-03-14"
  servers  = ["AW-EX10"]
  services = ["iis", "smtp"]
}

tenant "adventureworks.onmicrosoft.com" {
  plan = "Business Standard"
}

hybrid {
  topology       = "express"
  servers        = ["AW-EX10"]
  domains        = ["adventure-works.com"]
  tenants        = ["adventureworks.onmicrosoft.com"]
  inbound_ports  = [443]
  outbound_ports = [443]
}

migration {
  method    = "express"
  mailboxes = 120
}

clients {
  outlook = ["2016", "365"]
}
