# Northwind Traders: a 2019 plan (kept in the repository) to replace
# Exchange 2010 with Exchange 2016 on premises. The 2016 servers are
# installed beside 2010, mailboxes move, then 2010 is removed.

organization "Northwind" {
  forest_functional_level = "2008R2"
  split_permissions       = false
}

site "London" {}
site "Leeds" {}

domain_controller "NW-DC01" {
  site           = "London"
  os             = "2012R2"
  global_catalog = true
}

domain_controller "NW-DC02" {
  site           = "Leeds"
  os             = "2012R2"
  global_catalog = true
}
