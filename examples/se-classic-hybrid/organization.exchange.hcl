# Contoso: Exchange Server SE on premises, in a classic full hybrid with
# Exchange Online. Two Mailbox servers in a DAG across two sites, with its
# witness; MX at Exchange Online Protection, Autodiscover on premises, hybrid
# connectors both ways, and the namespaces on a public certificate.

organization "Contoso" {
  forest_functional_level = "2016"
  split_permissions       = false
}

site "HQ" {}
site "DR" {}

domain_controller "DC01" {
  site           = "HQ"
  os             = "2022"
  global_catalog = true
  read_only      = false
}

domain_controller "DC02" {
  site           = "DR"
  os             = "2022"
  global_catalog = true
  read_only      = false
}
