CREATE OR REPLACE FUNCTION ${gold}.iip_sa_as_of(as_of_date DATE)
RETURNS TABLE (${returns})
COMMENT 'Seasonally adjusted IIP as adjusted from survey data up to as_of_date / IIP đã điều chỉnh mùa vụ theo dữ liệu điều tra đến ngày as_of_date'
RETURN ${select}
